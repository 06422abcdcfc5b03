namespace FilmGraph.Formats;

/// <summary>The input is not JSON, or ends too early; reading cannot go on past this point.</summary>
internal sealed class JsonSyntaxException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
