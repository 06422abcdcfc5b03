using FilmGraph.Bench;
using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Formats.Tests;
using FilmGraph.Store.Embedded;

namespace FilmGraph.Importer.Tests;

/// <summary>
/// The bulk write path (appended rows, the index by source built at the end, new relationships told apart in memory)
/// writes the same store as the row-by-row path, row for row, keeps the re-run promise and names rejects by file and line.
/// </summary>
public sealed class BulkImportTests : IDisposable
{
    private static readonly GraphSize Small = new("small", 3_000, 900, 15_000);

    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_generated_graph_imported_in_bulk_equals_the_same_files_imported_row_by_row()
    {
        var files = GeneratedFiles();
        var bulk = Path.Combine(_temp.Directory, "bulk.db");
        var rows = Path.Combine(_temp.Directory, "rows.db");

        // Small batches, so that films straddle batches and later batches meet relationships of earlier ones.
        var inBulk = await ImporterRun.StartAsync([.. files, "--store", bulk, "--bulk", "on", "--batch-size", "1000"]);
        var byRow = await ImporterRun.StartAsync([.. files, "--store", rows, "--bulk", "off", "--batch-size", "1000"]);

        Assert.True(inBulk.ExitCode == 0, inBulk.Errors);
        Assert.True(byRow.ExitCode == 0, byRow.Errors);
        Assert.Equal(TableOf(byRow.Output), TableOf(inBulk.Output));
        var digest = StoreDigest.Of(rows);
        Assert.True(digest.Edges > 10_000, $"only {digest.Edges} edges were imported");
        Assert.Equal(digest, StoreDigest.Of(bulk));
        Assert.Equal(StoreDigest.Rows(rows), StoreDigest.Rows(bulk));
    }

    [Fact]
    public async Task Running_a_bulk_import_again_changes_nothing_in_the_file()
    {
        await using var store = await TempStore.OpenAsync();
        var source = Assert.Single(ImportSource.Plan(GeneratedFiles(), ImportFormat.Auto, []));
        var options = new ImportOptions { Bulk = true, BatchSize = 1000 };
        var first = await GraphImport.ImportAsync(source, store.Store, options);
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        var before = RepoFiles.Fingerprint(store.File);

        var again = await GraphImport.ImportAsync(source, store.Store, options);

        Assert.Empty(again.Errors);
        Assert.Equal(first.Summary.People.Created, again.Summary.People.Unchanged);
        Assert.Equal(first.Summary.Films.Created, again.Summary.Films.Unchanged);
        Assert.Equal(first.Summary.Relationships.Created, again.Summary.Relationships.Unchanged);
        Assert.Equal(0, again.Summary.People.Created + again.Summary.Films.Created + again.Summary.Relationships.Created
                        + again.Summary.People.Updated + again.Summary.Films.Updated + again.Summary.Relationships.Updated);
        Assert.Equal(before, RepoFiles.Fingerprint(store.File));
    }

    [Fact]
    public async Task The_end_of_a_bulk_import_folds_the_log_into_the_file()
    {
        // The bulk path folds the log into the file as batches commit and what is left at the end; the file alone, without
        // its log, must then hold the import.
        await using var store = await TempStore.OpenAsync();
        var source = Assert.Single(ImportSource.Plan(GeneratedFiles(), ImportFormat.Auto, []));
        var report = await GraphImport.ImportAsync(source, store.Store, new ImportOptions { Bulk = true, BatchSize = 1000 });
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));

        // Copied while the store is still open, so its log is still beside it and nothing was folded in at closing.
        Assert.True(File.Exists(store.File + "-wal"), "the store has no log open");
        var fileAlone = Path.Combine(_temp.Directory, "file-alone.db");
        File.Copy(store.File, fileAlone);
        var imported = StoreDigest.Of(store.File);
        Assert.True(imported.Edges > 10_000, $"only {imported.Edges} edges were imported");
        Assert.Equal(imported, StoreDigest.Of(fileAlone));
    }

    public static TheoryData<string> Documents => new(["la-la-land.json", .. Directory.EnumerateFiles(RepoFiles.Corpus(""), "*.json").Select(Path.GetFileName)!]);

    /// <summary>
    /// The sample data, and each file of the corpus after it (their faults, duplicates and conflicts with the store), read
    /// in batches and written both ways into stores that answer queries: the same reports and the same rows.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_sample_and_each_corpus_file_import_in_bulk_as_row_by_row(string name)
    {
        var file = name == "la-la-land.json" ? RepoFiles.Sample : RepoFiles.Corpus(name);
        var reports = new List<string>();
        var stores = new List<string>();
        foreach (var bulk in (bool[])[true, false])
        {
            await using var store = await TempStore.OpenAsync(queries: true);
            // A limit of zero sends every document through the batches, the path the bulk writer serves.
            var options = new ImportOptions { Bulk = bulk, BatchSize = 7, WholeDocumentLimit = 0 };
            if (file != RepoFiles.Sample) await GraphImport.ImportFileAsync(RepoFiles.Sample, store.Store, options);
            var report = await GraphImport.ImportFileAsync(file, store.Store, options);
            reports.Add($"{report.Summary} {report.Rejected} {report.Stopped} " +
                        string.Join("\n", report.Errors.Select(e => (e with { File = Path.GetFileName(e.File) }).ToString())));
            stores.Add($"{StoreDigest.Of(store.File)} {StoreDigest.Rows(store.File)}");
            if (file == RepoFiles.Sample) Assert.Equal(new GraphStats(8, 5, 16), report.Records);
        }
        Assert.Equal(reports[1], reports[0]);
        Assert.Equal(stores[1], stores[0]);
    }

    [Fact]
    public async Task A_record_the_store_refuses_on_the_bulk_path_is_named_by_file_and_line()
    {
        var records = Path.Combine(_temp.Directory, "records.jsonl");
        await File.WriteAllTextAsync(records, """
            {"kind":"person","id":"a","name":"A"}
            {"kind":"film","id":"f","title":"F","year":2000}
            {"type":"CAST_IN","from":"a","to":"f","role":"X"}
            {"type":"CAST_IN","from":"a","to":"g"}
            {"type":"CAST_IN","from":"b","to":"f"}

            """);
        var store = Path.Combine(_temp.Directory, "store.db");

        var run = await ImporterRun.StartAsync([records, "--store", store, "--bulk", "on"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{records}:4: to: 'g' is no film in this data or in the store.", run.Errors, StringComparison.Ordinal);
        Assert.Contains($"{records}:5: from: 'b' is no person in this data or in the store.", run.Errors, StringComparison.Ordinal);
        Assert.Equal(new StoreDigest(2, 1, StoreDigest.Of(store).Digest), StoreDigest.Of(store));
    }

    /// <summary>
    /// The snapshot a bulk import saves at its end is built from what the import holds in memory, while SQLite builds
    /// the index by source: it must be the snapshot built from the file, byte for byte. Into an empty store the roles
    /// come from the import's own log; onto relationships already stored they are read from the file.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_snapshot_a_bulk_import_saves_is_the_one_built_from_the_file(bool ontoStoredRelationships)
    {
        var files = GeneratedFiles();
        var store = Path.Combine(_temp.Directory, "store.db");
        if (ontoStoredRelationships)
        {
            // Every third credit first, so that the second import meets stored relationships among new ones.
            var some = Path.Combine(_temp.Directory, "some", "title.principals.tsv");
            Directory.CreateDirectory(Path.GetDirectoryName(some)!);
            await File.WriteAllLinesAsync(some, File.ReadLines(files[2]).Where((line, i) => i == 0 || i % 3 == 0));
            var first = await ImporterRun.StartAsync([files[0], files[1], some, "--store", store, "--bulk", "on", "--batch-size", "1000"]);
            Assert.True(first.ExitCode == 0, first.Errors);
        }
        var run = await ImporterRun.StartAsync([.. files, "--store", store, "--bulk", "on", "--batch-size", "1000"]);
        Assert.True(run.ExitCode == 0, run.Errors);
        var saved = await File.ReadAllBytesAsync(store + ".index");

        File.Delete(store + ".index");
        await using (var reopened = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = store, BuildIndex = false, ExternalChangePoll = TimeSpan.Zero }))
            Assert.True(await reopened.WriteSnapshotAsync());

        var built = await File.ReadAllBytesAsync(store + ".index");
        Assert.True(saved.AsSpan().SequenceEqual(built), "the snapshots differ");
    }

    private string[] GeneratedFiles()
    {
        var directory = Path.Combine(_temp.Directory, "imdb");
        if (!Directory.Exists(directory)) GraphFiles.WriteImdb(SyntheticGraph.Generate(Small, 42), directory);
        return [.. new[] { "name.basics.tsv", "title.basics.tsv", "title.principals.tsv" }.Select(f => Path.Combine(directory, f))];
    }

    /// <summary>The table of what the store did, the end of the importer's output.</summary>
    private static string TableOf(string output) => output[output.IndexOf('┌', StringComparison.Ordinal)..];
}
