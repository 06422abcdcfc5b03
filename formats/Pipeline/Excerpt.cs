namespace FilmGraph.Formats;

/// <summary>
/// Input quoted back in a message, cut short: a wrong value may be a whole line or a megabyte, and the message only
/// needs enough of it to be found.
/// </summary>
internal static class Excerpt
{
    private const int Length = 60;

    public static string Of(string text) => text.Length <= Length ? text : text[..Length] + "...";
}
