namespace FilmGraph.Api.Protection;

/// <summary>The <c>extensions.code</c> of each refusal <see cref="RequestLimits"/> makes.</summary>
public static class LimitCodes
{
    public const string QueryTooLong = "QUERY_TOO_LONG";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string TooDeep = "MAX_DEPTH_EXCEEDED";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";
    public const string TooManyVariables = "TOO_MANY_VARIABLES";
    public const string LineTooLong = "QUERY_LINE_TOO_LONG";
    public const string CostLimitExceeded = "COST_LIMIT_EXCEEDED";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
    public const string RateLimited = "RATE_LIMITED";
    public const string SyntaxError = "SYNTAX_ERROR";
}
