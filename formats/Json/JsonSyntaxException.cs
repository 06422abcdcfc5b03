namespace FilmGraph.Formats;

/// <summary>
/// The input is not JSON, or ends too early; reading cannot go on past this point. <c>Message</c> speaks of a file;
/// <c>InvalidJson</c>, when the JSON reader found the fault, is its own account, for input that is less than a file
/// (a JSON Lines line, where an empty or unfinished file means nothing).
/// </summary>
internal sealed class JsonSyntaxException(int line, string message, string? invalidJson = null) : Exception(message)
{
    public int Line { get; } = line;

    public string? InvalidJson { get; } = invalidJson;
}
