using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FilmGraph.Client.Transport;

/// <summary>The automatic persisted query extension: a query named by the SHA-256 of its UTF-8 text, in lower-case hex.</summary>
internal static class PersistedQuery
{
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static JsonObject Extensions(string hash) => new()
    {
        ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash },
    };
}
