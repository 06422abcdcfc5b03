using System.Diagnostics;
using FilmGraph.Contract;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>
/// Every exit code the README promises, for every cause it lists: 0 done (records skipped on purpose included),
/// 1 invalid input, 2 usage, I/O or store error, or an interrupted import.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private const int Done = 0;
    private const int InvalidInput = 1;
    private const int UsageOrIo = 2;

    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<ImporterRun> RunAsync(params string[] args) => await ImporterRun.StartAsync([.. args, "--store", _temp.File]);

    [Fact]
    public async Task Zero_when_everything_is_imported_or_valid_and_when_records_are_only_skipped_on_purpose()
    {
        Assert.Equal(Done, (await RunAsync(RepoFiles.Sample)).ExitCode);
        Assert.Equal(Done, (await RunAsync(RepoFiles.Sample, "--dry-run")).ExitCode);

        var twice = _temp.Write("twice.jsonl", "{\"id\":\"a\",\"name\":\"A\"}\n{\"id\":\"a\",\"name\":\"A\"}\n");
        var run = await RunAsync(twice);
        Assert.Equal(Done, run.ExitCode);
        Assert.Contains("skipped: 1 person: the same record again", run.Output);
    }

    [Fact]
    public async Task One_for_invalid_input_whole_document_batched_file_or_a_file_of_another_format()
    {
        Assert.Equal(InvalidInput, (await RunAsync(RepoFiles.Corpus("missing-fields.json"))).ExitCode);
        Assert.Equal(InvalidInput, (await RunAsync(RepoFiles.Corpus("missing-fields.json"), "--dry-run")).ExitCode);
        Assert.Equal(InvalidInput, (await RunAsync(_temp.Write("bad.jsonl", "{\"id\":\"a\",\"name\":\"A\"}\n{\"id\":\"b\"}\n"))).ExitCode);
        Assert.Equal(InvalidInput, (await RunAsync(_temp.Write("bad.csv", "id:ID(Person),nickname\na,b\n"))).ExitCode);
        Assert.Equal(InvalidInput, (await RunAsync(_temp.Write("not.jsonl", "<xml/>\n"))).ExitCode);
    }

    [Theory]
    [InlineData("no files")]
    [InlineData("unknown option")]
    [InlineData("option without its value")]
    [InlineData("batch size 0")]
    [InlineData("unknown format")]
    [InlineData("no format in the name")]
    [InlineData("unknown store kind")]
    public async Task Two_for_bad_arguments(string what)
    {
        string[] args = what switch
        {
            "no files" => [],
            "unknown option" => [RepoFiles.Sample, "--frobnicate"],
            "option without its value" => [RepoFiles.Sample, "--batch-size"],
            "batch size 0" => [RepoFiles.Sample, "--batch-size", "0"],
            "unknown format" => [RepoFiles.Sample, "--format", "xml"],
            "no format in the name" => [_temp.Write("people.txt", "x")],
            _ => [RepoFiles.Sample, "--store-kind", "mongo"],
        };

        var run = await RunAsync(args);

        Assert.Equal(UsageOrIo, run.ExitCode);
        Assert.StartsWith("filmgraph-import: ", run.Errors);
        Assert.False(File.Exists(_temp.File));
    }

    [Fact]
    public async Task Two_for_a_file_that_cannot_be_read()
    {
        Assert.Equal(UsageOrIo, (await RunAsync(Path.Combine(_temp.Directory, "missing.json"))).ExitCode);
        Assert.Equal(UsageOrIo, (await RunAsync(_temp.Directory)).ExitCode);
    }

    [Fact]
    public async Task Two_for_a_store_that_cannot_be_opened_or_a_rejects_file_that_cannot_be_written()
    {
        var folderMissing = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", Path.Combine(_temp.Directory, "none", "x.db")]);
        Assert.Equal(UsageOrIo, folderMissing.ExitCode);

        var notAStore = _temp.Write("not-a-store.db", new string('x', 4096));
        var garbage = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", notAStore]);
        Assert.Equal(UsageOrIo, garbage.ExitCode);
        Assert.Contains($"Cannot open the store file {notAStore}", garbage.Errors);

        var unknownKind = await ImporterRun.StartAsync([RepoFiles.Sample], environment: new Dictionary<string, string> { ["FilmGraph__Store"] = "mongo" });
        Assert.Equal(UsageOrIo, unknownKind.ExitCode);

        var unreachable = await ImporterRun.StartAsync([RepoFiles.Sample, "--store-kind", "neo4j"],
            environment: new Dictionary<string, string> { ["NEO4J_URI"] = "bolt://127.0.0.1:9" });
        Assert.Equal(UsageOrIo, unreachable.ExitCode);

        var rejects = await RunAsync(RepoFiles.Sample, "--rejects", Path.Combine(_temp.Directory, "none", "rejects.txt"));
        Assert.Equal(UsageOrIo, rejects.ExitCode);
    }

    [SkippableFact]
    public async Task Two_for_an_import_interrupted_with_ctrl_c_and_the_batches_written_stay()
    {
        var file = Path.Combine(_temp.Directory, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 400_000).Select(i => $"{{\"id\":\"p{i}\",\"name\":\"Person {i}\"}}"));
        using var process = Process.Start(ImporterRun.Info([file, "--store", _temp.File, "--batch-size", "1000"]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();

        // Interrupt once the store file exists, that is once the import is under way.
        var clock = Stopwatch.StartNew();
        while (!File.Exists(_temp.File) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        await Task.Delay(300);
        Skip.If(process.HasExited, "The import finished before it could be interrupted.");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(UsageOrIo, process.ExitCode);
        Assert.Contains("interrupted. The batches written so far stay; run the same command again to complete the import.", await errors);
        await output;
    }
}
