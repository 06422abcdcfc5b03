namespace FilmGraph.Api.RateLimiting;

/// <summary>
/// Settings of the section <c>FilmGraph:RateLimit</c>: how many requests to /graphql each client may make. A client
/// is the API key of an <c>Authorization: Bearer</c> header (by its SHA-256, never the key), else the remote address
/// (an IPv6 address by its /64, which one host usually holds whole).
/// </summary>
/// <remarks>
/// The default is a flood guard, not a quota: 100,000 requests a second per client is above what one address can
/// drive through the API on a small machine (a 64-connection benchmark of the cheapest query on two cores makes
/// at most about 29,000 a second in our runs), so only a client far past the service's capacity is refused, and cheaply. Quotas for
/// real clients are the operator's numbers to set; the static cost limits (FilmGraph:Limits) bound what each request
/// may ask for. Keys are not checked here: a caller who makes up a new key per request gets a new budget each time.
/// </remarks>
internal sealed class RateLimitSettings
{
    public const string Section = "FilmGraph:RateLimit";

    public bool Enabled { get; set; } = true;

    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.TokenBucket;

    /// <summary>Requests each client may make per <see cref="Period"/> (the bucket's size, for a token bucket).</summary>
    public int PermitLimit { get; set; } = 100_000;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests over the budget held until permits come back rather than refused; 0 refuses at once.</summary>
    public int QueueLimit { get; set; }
}
