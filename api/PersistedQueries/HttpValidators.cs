using System.Security.Cryptography;
using System.Text;
using FilmGraph.Api.Hosting;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.PersistedQueries;

/// <summary>
/// ETags for GET answers, so that a proxy or a client can ask again cheaply: the tag names the store's data version
/// and the request (query, operation, variables), and <c>If-None-Match</c> with it is answered 304 without running
/// anything while the data stay the same. A store that has no version (Neo4j) gets no tags.
/// </summary>
internal sealed class HttpValidators(GraphStoreHost host, IOptions<PersistedQueryOptions> options)
{
    /// <summary>The tag of this answer now, or null when the store cannot tell when its data change.</summary>
    public string? Tag(string query, HttpRequest request)
    {
        if (CurrentVersion() is not long version) return null;
        var asked = $"{query}\n{request.Query["operationName"]}\n{request.Query["variables"]}";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(asked)))[..16];
        return $"W/\"{version}-{digest}\"";
    }

    /// <summary>Whether <paramref name="tag"/> still names the store's data: nothing was written since it was made.</summary>
    public bool StillCurrent(string tag) =>
        CurrentVersion() is long version && tag.StartsWith($"W/\"{version}-", StringComparison.Ordinal);

    private long? CurrentVersion() => host.IsOpen ? host.Store.Version : null;

    public static bool Matches(HttpRequest request, string tag) =>
        request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*"));

    public void Mark(HttpResponse response, string tag)
    {
        response.Headers.ETag = tag;
        response.Headers.CacheControl = options.Value.CacheControl;
        response.Headers.Vary = "Accept, Authorization";
    }
}
