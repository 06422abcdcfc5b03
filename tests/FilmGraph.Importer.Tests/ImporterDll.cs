namespace FilmGraph.Importer.Tests;

/// <summary>filmgraph-import as built, for the tests that run it as a child process.</summary>
internal static class ImporterDll
{
    /// <summary>Copied beside the tests by the project reference.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "filmgraph-import.dll");
}
