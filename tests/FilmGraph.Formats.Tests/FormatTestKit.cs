using System.Text;
using FilmGraph.Core;

namespace FilmGraph.Formats.Tests;

/// <summary>Writes small input files byte for byte and imports them the way the command does.</summary>
internal static class FormatTestKit
{
    public static string Write(TempStore temp, string name, string text, bool byteOrderMark = false)
    {
        var path = Path.Combine(temp.Directory, name);
        File.WriteAllBytes(path, [.. byteOrderMark ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    public static string WriteBytes(TempStore temp, string name, byte[] bytes)
    {
        var path = Path.Combine(temp.Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static async Task<ImportReport> ImportAsync(IGraphWriter writer, ImportOptions options, params string[] files)
    {
        var sources = ImportSource.Plan(files, ImportFormat.Auto, []);
        return await GraphImport.ImportAsync(Assert.Single(sources), writer, options);
    }

    /// <summary>Errors as "file-name:line: path: message", the part that does not depend on the temp folder.</summary>
    public static string[] Errors(ImportReport report) =>
        [.. report.Errors.Select(e => (e with { File = Path.GetFileName(e.File) }).ToString())];

    public static string[] Skips(ImportReport report) =>
        [.. report.Skipped.Select(s => $"{s.Kind} {s.Count}: {s.Reason} @ {string.Join(" ", s.Examples.Select(Path.GetFileName))}")];

    public static WriteSummary Created(int people, int films, int relationships) =>
        new(new Counts(people, 0, 0), new Counts(films, 0, 0), new Counts(relationships, 0, 0));

    public static WriteSummary Unchanged(int people, int films, int relationships) =>
        new(new Counts(0, 0, people), new Counts(0, 0, films), new Counts(0, 0, relationships));
}
