using FilmGraph.Core;
using static FilmGraph.Formats.Tests.FormatTestKit;

namespace FilmGraph.Formats.Tests;

/// <summary>
/// A FilmGraph JSON document above the whole-document limit goes in batches: same reader, same checks, each bad
/// record rejected at its line and the rest written.
/// </summary>
public sealed class JsonDocumentBatchedTests
{
    private static readonly ImportOptions Batched = new() { WholeDocumentLimit = 0, BatchSize = 3 };

    [Fact]
    public async Task The_sample_in_batches_of_three_gives_what_it_gives_whole()
    {
        await using var temp = await TempStore.OpenAsync();

        var report = await ImportAsync(temp.Store, Batched, RepoFiles.Sample);

        Assert.False(report.WholeFile);
        Assert.Empty(report.Errors);
        Assert.Equal(Created(8, 5, 16), report.Summary);
        Assert.Equal(Unchanged(8, 5, 16), (await ImportAsync(temp.Store, Batched, RepoFiles.Sample)).Summary);
    }

    [Fact]
    public async Task Relationships_before_people_are_read_after_them()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = Write(temp, "backwards.json", """
            {
              "relationships": [ { "type": "CAST_IN", "from": "a", "to": "f" } ],
              "films": [ { "id": "f", "title": "F" } ],
              "people": [ { "id": "a", "name": "A" } ]
            }
            """);

        var report = await ImportAsync(temp.Store, Batched, file);

        Assert.Empty(report.Errors);
        Assert.Equal(Created(1, 1, 1), report.Summary);
    }

    [Fact]
    public async Task Bad_records_are_rejected_at_their_lines_and_the_rest_is_written()
    {
        await using var temp = await TempStore.OpenAsync();

        var report = await ImportAsync(temp.Store, Batched, RepoFiles.Corpus("missing-fields.json"));

        Assert.Equal(
            [
                "missing-fields.json:3: $.people[0].id: missing 'id'.",
                "missing-fields.json:4: $.people[1].name: missing 'name'.",
                "missing-fields.json:7: $.films[0].title: missing 'title'.",
                "missing-fields.json:10: $.relationships[0].type: missing 'type'.",
                "missing-fields.json:11: $.relationships[1].from: missing 'from'.",
                "missing-fields.json:12: $.relationships[2].to: missing 'to'.",
            ],
            Errors(report));
        Assert.Equal(new GraphStats(2, 1, 3), report.Rejected);
        Assert.Equal(WriteSummary.Zero, report.Summary);
    }

    [Fact]
    public async Task Broken_json_stops_the_import_at_its_line()
    {
        await using var temp = await TempStore.OpenAsync();

        var report = await ImportAsync(temp.Store, Batched, RepoFiles.Corpus("truncated.json"));

        Assert.True(report.Stopped);
        Assert.Equal(["truncated.json:4: $: the file ends before the JSON is complete (an object or array is still open)."], Errors(report));
    }

    [Fact]
    public async Task A_gzipped_document_is_read_through_gzip_and_sized_by_its_content()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = Path.Combine(temp.Directory, "sample.json.gz");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(file), System.IO.Compression.CompressionLevel.Fastest))
            await gzip.WriteAsync(await File.ReadAllBytesAsync(RepoFiles.Sample));
        var content = new FileInfo(RepoFiles.Sample).Length;

        var whole = await ImportAsync(temp.Store, new ImportOptions { WholeDocumentLimit = content }, file);
        var batched = await ImportAsync(temp.Store, new ImportOptions { WholeDocumentLimit = content - 1 }, file);

        Assert.True(whole.WholeFile);
        Assert.Equal(Created(8, 5, 16), whole.Summary);
        Assert.False(batched.WholeFile);
        Assert.Equal(Unchanged(8, 5, 16), batched.Summary);
    }
}
