namespace FilmGraph.Api.Observability;

/// <summary>
/// What one GraphQL request was and how it ended, filled in by the HTTP handler as it goes and read once the
/// response is sent (the request log line, metrics). Kept in <c>HttpContext.Features</c>.
/// </summary>
public sealed class GraphQLRequestRecord
{
    public string? OperationName { get; set; }

    /// <summary>query, mutation or subscription, once the document is read.</summary>
    public string? OperationType { get; set; }

    /// <summary>ok, refused (a limit or a malformed request), failed (errors while executing), timeout, cancelled.</summary>
    public string Outcome { get; set; } = "ok";

    /// <summary>The static cost, when the document got that far.</summary>
    public long? Cost { get; set; }

    /// <summary>The distinct <c>extensions.code</c> values of the errors answered, in order of first appearance.</summary>
    public List<string> ErrorCodes { get; } = [];

    /// <summary>Bytes of response body written.</summary>
    public long ResponseBytes { get; set; }

    public void AddCode(string? code)
    {
        if (code is not null && !ErrorCodes.Contains(code)) ErrorCodes.Add(code);
    }
}
