namespace FilmGraph.Api.Apis;

/// <summary>The explorer page, built into the assembly so it is served whatever the working directory.</summary>
internal static class ExplorerPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(ExplorerPage).Assembly.GetManifestResourceStream("explorer.html")
            ?? throw new InvalidOperationException("The explorer page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
