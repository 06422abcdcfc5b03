namespace FilmGraph.Api.PersistedQueries;

/// <summary>Persisted queries and trusted documents; bound from <c>FilmGraph:PersistedQueries</c>.</summary>
public sealed class PersistedQueryOptions
{
    public const string Section = "FilmGraph:PersistedQueries";

    /// <summary>Automatic persisted queries: a client may send only the hash of a query it sent before.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>How many queries the automatic cache keeps (the least recently used go first).</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>
    /// A folder of <c>.graphql</c> files, each one trusted document (its hash is the SHA-256 of the file's text).
    /// With <see cref="TrustedOnly"/>, the API answers these and nothing else.
    /// </summary>
    public string? TrustedDocuments { get; set; }

    /// <summary>Answer only the trusted documents, by hash or by text; every other document is refused.</summary>
    public bool TrustedOnly { get; set; }

    /// <summary>The <c>Cache-Control</c> of a successful GET answer; an ETag lets a cache revalidate it.</summary>
    public string CacheControl { get; set; } = "public, max-age=0, must-revalidate";
}
