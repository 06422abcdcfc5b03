namespace FilmGraph.Api.RateLimiting;

internal enum RateLimitAlgorithm
{
    /// <summary>A bucket of <c>PermitLimit</c> tokens per client, refilled with that many every <c>Period</c>: bursts up to the budget.</summary>
    TokenBucket,

    /// <summary><c>PermitLimit</c> requests per client in each <c>Period</c>, counted from zero at each window's start.</summary>
    FixedWindow,
}
