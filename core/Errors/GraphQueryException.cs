namespace FilmGraph.Core;

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
