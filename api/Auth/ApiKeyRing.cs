using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Auth;

/// <summary>
/// The configured API keys, held as SHA-256 digests only. A key sent is hashed and compared with every digest in
/// constant time, all of them every time, so neither the comparison nor the count of keys tried tells an attacker
/// how close a guess came.
/// </summary>
public sealed class ApiKeyRing
{
    private const string HashPrefix = "sha256:";

    private readonly byte[][] _digests;

    public ApiKeyRing(IOptions<AuthOptions> options)
    {
        var keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        _digests = keys.Select(Digest).ToArray();
        RequireKeyForReads = options.Value.RequireKeyForReads;
    }

    /// <summary>Whether any key is configured; without one the API is read-only.</summary>
    public bool Configured => _digests.Length > 0;

    public bool RequireKeyForReads { get; }

    /// <summary>The caller an <c>Authorization</c> header names, or null when it names none or an unknown key.</summary>
    public Caller? Identify(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()));
        var match = -1;
        for (var i = 0; i < _digests.Length; i++)
            if (CryptographicOperations.FixedTimeEquals(sent, _digests[i])) match = i;
        return match < 0 ? null : new Caller(Convert.ToHexStringLower(_digests[match])[..12]);
    }

    private static byte[] Digest(string configured)
    {
        var key = configured.Trim();
        if (!key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase)) return SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var hex = key[HashPrefix.Length..];
        try
        {
            var digest = Convert.FromHexString(hex);
            if (digest.Length == SHA256.HashSizeInBytes) return digest;
        }
        catch (FormatException)
        {
            // Reported below with the rest of what is wrong with it.
        }
        throw new InvalidOperationException($"{AuthOptions.Section}:ApiKeys holds a '{HashPrefix}' entry that is not 64 hexadecimal digits.");
    }
}
