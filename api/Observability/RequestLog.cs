namespace FilmGraph.Api.Observability;

/// <summary>
/// The one line per GraphQL request, as key=value pairs. Source-generated, so that a line costs its message and
/// nothing else, and nothing at all when the category is turned down (<c>Logging:LogLevel:FilmGraph.Api.Requests</c>).
/// The error codes come as one comma-separated string: a list would be formatted through a StringBuilder and a
/// boxed enumerator on every line, an empty one included.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "FilmGraph.Api.Requests";

    [LoggerMessage(EventId = 1, EventName = "GraphQLRequest", Level = LogLevel.Information,
        Message = "{Method} /graphql operation={OperationName} type={OperationType} status={Status} outcome={Outcome} ms={DurationMs:0.###} " +
                  "cost={Cost} errors={ErrorCodes} bytes={ResponseBytes} trace={TraceId}")]
    public static partial void Answered(ILogger logger, string method, string operationType, string operationName, int status, string outcome,
        double durationMs, long? cost, string errorCodes, long responseBytes, string traceId);
}
