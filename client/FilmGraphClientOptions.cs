namespace FilmGraph.Client;

/// <summary>How a <see cref="FilmGraphClient"/> talks to the API.</summary>
public sealed class FilmGraphClientOptions
{
    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer KEY</c> with every request. Writes need one; reads only where the
    /// server requires keys for reads. With a key, the server's rate limit counts this key's budget, not the address's.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Automatic persisted queries: each request first sends only the SHA-256 of its query (a query by GET, so that a
    /// cache in front of the API can answer it), and the text only when the server does not know the hash yet. On by
    /// default; turn it off for a server behind something that mangles GET requests.
    /// </summary>
    public bool PersistedQueries { get; set; } = true;

    /// <summary>How many times a request refused with 429 is sent again, each after the wait the server asked for.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits out; a refusal asking for longer is thrown at once as
    /// <see cref="FilmGraphRateLimitedException"/>, for the caller to decide.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
