using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.PersistedQueries;

/// <summary>
/// Turns a request's <c>extensions.persistedQuery.sha256Hash</c> into its query text: from the trusted documents,
/// else from the queries sent before with their hash (automatic persisted queries, in a bounded cache). A hash sent
/// with a text must be that text's hash. In trusted-only mode nothing else runs, whether sent by hash or in full.
/// </summary>
public sealed class PersistedQueryStore
{
    private readonly PersistedQueryOptions _options;
    private readonly IReadOnlyDictionary<string, string> _trusted;
    private readonly ConcurrentDictionary<string, (string Query, long Used)> _cache = new(StringComparer.Ordinal);
    private long _clock;

    public PersistedQueryStore(IOptions<PersistedQueryOptions> options)
    {
        _options = options.Value;
        _trusted = LoadTrusted(_options.TrustedDocuments);
        if (_options.TrustedOnly && _trusted.Count == 0)
            throw new InvalidOperationException($"{PersistedQueryOptions.Section}:TrustedOnly is set, but no trusted document was found in '{_options.TrustedDocuments}'.");
    }

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    /// <summary>The query to run, or the error that refuses the request.</summary>
    public (string? Query, ExecutionError? Error) Resolve(string? query, Inputs? extensions)
    {
        var hash = RequestedHash(extensions);
        if (hash is null)
        {
            if (_options.TrustedOnly && (query is null || !_trusted.ContainsKey(Hash(query))))
                return (null, Refuse(PersistedQueryCodes.NotTrusted, "This API answers only its trusted documents; send one of them, by hash or in full."));
            return (query, null);
        }
        if (query is not null)
        {
            if (!string.Equals(Hash(query), hash, StringComparison.OrdinalIgnoreCase))
                return (null, Refuse(PersistedQueryCodes.HashMismatch, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it."));
            if (_options.TrustedOnly && !_trusted.ContainsKey(hash))
                return (null, Refuse(PersistedQueryCodes.NotTrusted, "This API answers only its trusted documents; this is not one of them."));
            if (_options.Automatic && !_options.TrustedOnly) Remember(hash, query);
            return (query, null);
        }
        if (_trusted.TryGetValue(hash, out var trusted)) return (trusted, null);
        if (_options.TrustedOnly) return (null, Refuse(PersistedQueryCodes.NotTrusted, "This API answers only its trusted documents; this hash is not one of them."));
        if (!_options.Automatic) return (null, Refuse(PersistedQueryCodes.NotSupported, "Persisted queries are turned off; send the query."));
        if (_cache.TryGetValue(hash, out var known))
        {
            _cache[hash] = (known.Query, Interlocked.Increment(ref _clock));
            return (known.Query, null);
        }
        return (null, Refuse(PersistedQueryCodes.NotFound, "PersistedQueryNotFound: send the query with its hash once."));
    }

    /// <summary>The hash asked for, lower case; null when the request names none (or names it malformed: then it is ignored).</summary>
    private static string? RequestedHash(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is not IReadOnlyDictionary<string, object?> persisted)
            return null;
        return persisted.TryGetValue("sha256Hash", out var hash) && hash is string text && text.Length == 64 ? text.ToLowerInvariant() : null;
    }

    private void Remember(string hash, string query)
    {
        _cache[hash] = (query, Interlocked.Increment(ref _clock));
        if (_cache.Count <= _options.CacheSize) return;
        // Over the bound: drop the least recently used tenth at once, so that trimming is rare.
        foreach (var old in _cache.OrderBy(e => e.Value.Used).Take(Math.Max(1, _options.CacheSize / 10)).ToList())
            _cache.TryRemove(old.Key, out _);
    }

    private static ExecutionError Refuse(string code, string message) => new(message) { Code = code };

    private static Dictionary<string, string> LoadTrusted(string? folder)
    {
        var trusted = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(folder)) return trusted;
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"{PersistedQueryOptions.Section}:TrustedDocuments names {Path.GetFullPath(folder)}, which is not a folder.");
        foreach (var file in Directory.EnumerateFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            trusted[Hash(text)] = text;
        }
        return trusted;
    }
}
