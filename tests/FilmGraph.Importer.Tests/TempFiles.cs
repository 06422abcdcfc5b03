using FilmGraph.Contract;

namespace FilmGraph.Importer.Tests;

/// <summary>Small input files written into a test's temp folder, beside its store.</summary>
internal static class TempFiles
{
    public static string Write(this TempStorePath temp, string name, string text)
    {
        var file = Path.Combine(temp.Directory, name);
        File.WriteAllText(file, text);
        return file;
    }
}
