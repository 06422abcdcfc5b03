namespace FilmGraph.Api.Protection;

/// <summary>
/// What one request may ask for, checked before anything runs; bound from <c>FilmGraph:Limits</c>. Each refusal is a
/// GraphQL error with a code of its own (<see cref="LimitCodes"/>) and the limit in <c>extensions</c>.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "FilmGraph:Limits";

    /// <summary>Characters of query text, checked before parsing.</summary>
    public int MaxQueryLength { get; set; } = 64 * 1024;

    /// <summary>Bytes of request body (query, variables and extensions together); larger is 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Bytes of request body from a caller with a valid API key: enough for an <c>importDocument</c> as large as the
    /// importer writes whole (16 MiB).
    /// </summary>
    public long MaxKeyHolderBodyBytes { get; set; } = 16 * 1024 * 1024 + 64 * 1024;

    /// <summary>Tokens the lexer may read: bounds parsing whatever the text holds.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>How deep the parser may nest (selection sets, lists, objects): bounds its recursion.</summary>
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Field selections once every fragment spread is expanded.</summary>
    public int MaxFields { get; set; } = 2_048;

    public int MaxAliases { get; set; } = 256;

    public int MaxDirectives { get; set; } = 64;

    public int MaxVariables { get; set; } = 64;

    /// <summary>How deep selections may nest once fragments are expanded.</summary>
    public int MaxSelectionDepth { get; set; } = 15;

    /// <summary>The most a query may cost by the cost model (<see cref="CostAnalysis"/>).</summary>
    public int MaxCost { get; set; } = 50_000;

    /// <summary>Errors in one answer; the rest are summed up in one last error.</summary>
    public int MaxErrors { get; set; } = 50;

    /// <summary>How long a request may execute before it is stopped.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Bytes of response body; a larger answer is replaced by a RESPONSE_TOO_LARGE error.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Characters of query text whose parsed documents are kept for the next request with the same text
    /// (<see cref="DocumentCache"/>); about ten times as many bytes of memory. 0 keeps none.
    /// </summary>
    public int DocumentCacheCharacters { get; set; } = 1024 * 1024;

    /// <summary>Characters of an input value quoted back in an error message; longer values are cut.</summary>
    public int MaxEchoLength { get; set; } = 100;
}
