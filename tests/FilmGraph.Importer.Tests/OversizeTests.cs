using System.Text;
using FilmGraph.Formats;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

[CollectionDefinition(nameof(OversizeTests), DisableParallelization = true)]
public sealed class OversizeCollection;

/// <summary>
/// A 50 MB string is refused in its place, the rest of the file is still checked, and reading it costs a bounded
/// buffer rather than the string. Alone in its collection so that the allocation count is this test's own.
/// </summary>
[Collection(nameof(OversizeTests))]
public sealed class OversizeTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Fact]
    public async Task A_50_MB_string_is_refused_without_reading_it_into_memory()
    {
        await using var temp = await TempStore.OpenAsync();
        await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());
        var file = Path.Combine(temp.Directory, "huge.json");
        WriteHugeFile(file);
        var before = RepoFiles.Fingerprint(temp.File);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var report = await GraphImport.ImportFileAsync(file, temp.Store, new ImportOptions());

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(allocated < 8 * 1024 * 1024, $"Reading allocated {allocated:N0} bytes.");
        Assert.False(report.Applied);
        Assert.Equal(
            [
                "3: $.people[0].name: text is 52,428,800 bytes long; the most allowed is 2000 characters.",
                "6: $.people[1].born: expected a whole number, found the string \"1\" (write numbers without quotes).",
                "9: $.films[0].id: text is 70,000 bytes long; the most allowed is 200 characters.",
            ],
            ErrorLines.Of(report));
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
    }

    /// <summary>A name of 50 MB, then a run of space longer than the read buffer, then more faults after both.</summary>
    private static void WriteHugeFile(string path)
    {
        using var output = new FileStream(path, FileMode.Create);
        void Write(string text) => output.Write(Encoding.UTF8.GetBytes(text));
        Write("{\n  \"people\": [\n    { \"id\": \"emma-stone\", \"name\": \"");
        var chunk = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
        for (var i = 0; i < FiftyMegabytes / chunk.Length; i++) output.Write(chunk);
        Write("\" },\n");
        Write(new string(' ', 100_000));
        Write("\n\n    { \"id\": \"x\", \"name\": \"X\", \"born\": \"1\" }\n  ],\n  \"films\": [\n    { \"id\": \"");
        Write(new string('f', 70_000));
        Write("\", \"title\": \"F\" }\n  ]\n}\n");
    }
}
