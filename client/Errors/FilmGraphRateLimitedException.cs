using System.Net;
using System.Text.Json;

namespace FilmGraph.Client;

/// <summary>
/// The API refused the request as over this client's budget (429, <see cref="FilmGraphCodes.RateLimited"/>), and the
/// client's retries (<see cref="FilmGraphClientOptions.MaxRetries"/>) did not get it through.
/// </summary>
public sealed class FilmGraphRateLimitedException : FilmGraphException
{
    /// <summary>An exception for a refusal that said when to come back.</summary>
    /// <param name="message">The refusal's message.</param>
    /// <param name="retryAfter">The answer's <c>Retry-After</c>, when it had one.</param>
    /// <param name="errors">The answer's errors.</param>
    /// <param name="statusCode">The HTTP status (429).</param>
    /// <param name="partialData">The answer's data, if any.</param>
    public FilmGraphRateLimitedException(string message, TimeSpan? retryAfter, IReadOnlyList<FilmGraphError>? errors = null,
        HttpStatusCode? statusCode = HttpStatusCode.TooManyRequests, JsonElement? partialData = null)
        : base(message, errors, statusCode, partialData)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked the client to wait before the next request.</summary>
    public TimeSpan? RetryAfter { get; }
}
