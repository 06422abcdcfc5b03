using System.Diagnostics;

namespace FilmGraph.Api.Observability;

/// <summary>
/// Middleware around the endpoints marked <see cref="ObservedEndpoint"/> (/graphql): once the response is written,
/// reads the <see cref="GraphQLRequestRecord"/> the handler (or the rate limiter) left in the request's features and
/// writes the request log line and the request metrics from it. CORS preflights are no GraphQL requests and pass by.
/// </summary>
internal sealed class RequestObservation(RequestDelegate next, ILoggerFactory loggers, FilmGraphMetrics metrics)
{
    private readonly ILogger _log = loggers.CreateLogger(RequestLog.Category);

    public Task InvokeAsync(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ObservedEndpoint>() is null || IsPreflight(http.Request) ? next(http) : ObserveAsync(http);

    private async Task ObserveAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var threw = false;
        try
        {
            await next(http);
        }
        catch
        {
            threw = true;
            throw;
        }
        finally
        {
            Observe(http, Stopwatch.GetElapsedTime(started), threw);
        }
    }

    private void Observe(HttpContext http, TimeSpan elapsed, bool threw)
    {
        var record = http.Features.Get<GraphQLRequestRecord>();
        // An exception that leaves the pipeline before the response starts becomes the server's 500.
        var status = threw && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
        var outcome = record?.Outcome
            ?? (http.RequestAborted.IsCancellationRequested ? RequestOutcomes.Cancelled
                : threw ? RequestOutcomes.Failed
                : RequestOutcomes.FromStatus(status));
        metrics.Request(outcome, elapsed, record);
        if (!_log.IsEnabled(LogLevel.Information)) return;
        RequestLog.Answered(_log, http.Request.Method, record?.OperationType ?? "-", record?.OperationName ?? "-", status, outcome,
            elapsed.TotalMilliseconds, record?.Cost, record is { ErrorCodes.Count: > 0 } ? string.Join(',', record.ErrorCodes) : "",
            record?.ResponseBytes ?? 0, Activity.Current?.TraceId.ToHexString() ?? "-");
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method");
}
