using FilmGraph.Formats;

namespace FilmGraph.Importer.Tests;

internal static class ErrorLines
{
    /// <summary>A report's errors as "line: path: message", the part of each that does not depend on where the file is.</summary>
    public static string[] Of(ImportReport report) => [.. report.Errors.Select(e => $"{e.Line}: {e.Path}: {e.Message}")];
}
