namespace FilmGraph.Core;

/// <summary>Machine-readable reasons a query cannot be answered; the API reports them as <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Ambiguous = "AMBIGUOUS";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unavailable = "STORE_UNAVAILABLE";
}

/// <summary>A query the caller got wrong: an unknown id, an ambiguous name, an argument out of range.</summary>
public sealed class GraphQueryException(string code, string message, string? argument = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The argument at fault, when one is.</summary>
    public string? Argument { get; } = argument;

    public static GraphQueryException NotFound(string what, string id, string? argument = null) =>
        new(ErrorCodes.NotFound, $"No {what} has id '{id}'.", argument);

    public static GraphQueryException BadInput(string argument, string message) =>
        new(ErrorCodes.BadUserInput, message, argument);
}

/// <summary>One problem found in data offered for writing, with the place it came from when known.</summary>
public sealed record WriteProblem(string Place, string Message)
{
    public override string ToString() => Place.Length == 0 ? Message : $"{Place}: {Message}";
}

/// <summary>A write was refused; nothing of it was applied.</summary>
public sealed class GraphWriteException(IReadOnlyList<WriteProblem> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems; first: {problems[0]}")
{
    public IReadOnlyList<WriteProblem> Problems { get; } = problems;
}
