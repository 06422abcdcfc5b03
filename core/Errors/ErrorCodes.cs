namespace FilmGraph.Core;

/// <summary>Machine-readable reasons a query cannot be answered; the API reports them as <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Ambiguous = "AMBIGUOUS";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unavailable = "STORE_UNAVAILABLE";
}
