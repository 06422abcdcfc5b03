using FilmGraph.Contract;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>filmgraph-import run as a real child process: exit codes, what it prints, what it leaves on disk.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<ImporterRun> RunAsync(string[] args, string? storeVariable = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ImporterRun.StartAsync(args, storeVariable, environment);

    internal static void AssertRow(ImporterRun run, string what, int read, int created, int updated, int unchanged) =>
        Assert.Matches($@"{what}\W+{read}\W+{created}\W+{updated}\W+{unchanged}\W", run.Output);

    [Fact]
    public async Task Imports_the_sample_and_a_second_run_changes_nothing()
    {
        var first = await RunAsync([RepoFiles.Sample, "--store", _temp.File]);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Errors);
        Assert.Contains("imported 8 people, 5 films, 16 relationships.", first.Output);
        AssertRow(first, "people", 8, 8, 0, 0);
        AssertRow(first, "films", 5, 5, 0, 0);
        AssertRow(first, "relationships", 16, 16, 0, 0);
        var afterFirst = RepoFiles.Fingerprint(_temp.File);

        var second = await RunAsync([RepoFiles.Sample, "--store", _temp.File]);
        Assert.Equal(0, second.ExitCode);
        AssertRow(second, "people", 8, 0, 0, 8);
        AssertRow(second, "films", 5, 0, 0, 5);
        AssertRow(second, "relationships", 16, 0, 0, 16);
        Assert.Equal(afterFirst, RepoFiles.Fingerprint(_temp.File));
    }

    [Fact]
    public async Task Invalid_input_exits_1_lists_every_error_and_leaves_the_store_as_it_was()
    {
        Assert.Equal(0, (await RunAsync([RepoFiles.Sample, "--store", _temp.File])).ExitCode);
        var before = RepoFiles.Fingerprint(_temp.File);
        var bad = RepoFiles.Corpus("missing-fields.json");

        var run = await RunAsync([bad, "--store", _temp.File]);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal($"{bad}:3: $.people[0].id: missing 'id'.", lines[0]);
        Assert.Equal($"{bad}:12: $.relationships[2].to: missing 'to'.", lines[5]);
        Assert.Contains("read 2 people, 1 film, 3 relationships; 6 records rejected, 6 errors; nothing from this file was written.", run.Output);
        Assert.Matches(@"people\W+2\W+0\W+0\W+0\W+0\W+2\W", run.Output);
        Assert.Equal(before, RepoFiles.Fingerprint(_temp.File));
    }

    [Fact]
    public async Task Each_file_is_applied_on_its_own()
    {
        var run = await RunAsync([RepoFiles.Sample, RepoFiles.Corpus("unknown-type.json"), "--store", _temp.File]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown relationship type 'CASTED_IN'", run.Errors);
        AssertRow(run, "people", 9, 8, 0, 0);
    }

    [Fact]
    public async Task A_dry_run_leaves_an_existing_store_as_it_was_and_creates_no_missing_one()
    {
        Assert.Equal(0, (await RunAsync([RepoFiles.Sample, "--store", _temp.File])).ExitCode);
        var before = RepoFiles.Fingerprint(_temp.File);

        var run = await RunAsync([RepoFiles.Sample, "--store", _temp.File, "--dry-run"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid (8 people, 5 films, 16 relationships); dry run, nothing written.", run.Output);
        Assert.Equal(before, RepoFiles.Fingerprint(_temp.File));

        var missing = Path.Combine(_temp.Directory, "never.db");
        var fresh = await RunAsync([RepoFiles.Sample, "--store", missing, "--dry-run"]);
        Assert.Equal(0, fresh.ExitCode);
        Assert.False(File.Exists(missing));

        var dangling = await RunAsync([RepoFiles.Corpus("dangling.json"), "--store", missing, "--dry-run"]);
        Assert.Equal(1, dangling.ExitCode);
        Assert.Contains("'ryan-goslin' is no person in this data or in the store.", dangling.Errors);
    }

    [Fact]
    public async Task The_store_path_comes_from_the_environment_when_no_option_gives_it()
    {
        var run = await RunAsync([RepoFiles.Sample], storeVariable: _temp.File);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(_temp.File));
    }

    [Fact]
    public async Task Neo4j_is_chosen_by_option_or_environment_and_an_unreachable_server_exits_2_naming_it()
    {
        // Port 9 on loopback: nothing listens there, so the connection is refused at once.
        var unreachable = new Dictionary<string, string> { ["NEO4J_URI"] = "bolt://127.0.0.1:9" };
        var byOption = await RunAsync([RepoFiles.Sample, "--store-kind", "neo4j"], environment: unreachable);
        Assert.Equal(2, byOption.ExitCode);
        Assert.Contains("Cannot open the Neo4j store at bolt://127.0.0.1:9", byOption.Errors);

        var byVariable = await RunAsync([RepoFiles.Sample],
            environment: new Dictionary<string, string>(unreachable) { ["FilmGraph__Store"] = "neo4j" });
        Assert.Equal(2, byVariable.ExitCode);
        Assert.Contains("Cannot open the Neo4j store", byVariable.Errors);

        Assert.Equal(2, (await RunAsync([RepoFiles.Sample, "--store-kind", "mongo"])).ExitCode);
        var unknown = await RunAsync([RepoFiles.Sample], environment: new Dictionary<string, string> { ["FilmGraph__Store"] = "mongo" });
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("FilmGraph:Store is 'mongo'; use 'embedded' or 'neo4j'.", unknown.Errors);
    }

    [Fact]
    public async Task Usage_and_file_errors_exit_2()
    {
        var none = await RunAsync([]);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("usage: filmgraph-import", none.Errors);

        var missing = Path.Combine(_temp.Directory, "nothing-here.json");
        var run = await RunAsync([missing, "--store", _temp.File]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{missing}: no such file.", run.Errors);
        Assert.False(File.Exists(_temp.File));

        Assert.Equal(2, (await RunAsync([RepoFiles.Sample, "--store"])).ExitCode);
    }

    [SkippableFact]
    public async Task Imports_the_imdb_sample_reports_what_it_skipped_and_writes_the_dangling_rows_to_the_rejects_file()
    {
        var sample = Path.Combine(RepoFiles.Root, "..", "shared", "data", "imdb-sample");
        Skip.IfNot(Directory.Exists(sample), $"The IMDb sample is not at {sample}.");
        var rejects = Path.Combine(_temp.Directory, "rejects.txt");

        var run = await RunAsync([.. new[] { "name.basics.tsv", "title.basics.tsv", "title.principals.tsv" }.Select(f => Path.Combine(sample, f)),
            "--store", _temp.File, "--rejects", rejects, "--batch-size", "4000"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Contains("skipped: 6 relationships: dangling: the person is not in name.basics.tsv", run.Output);
        Assert.Contains("adjusted: 4 people: birthYear outside 1800..2200: kept without it", run.Output);
        Assert.Matches(@"relationships\W+11,576\W+9,679\W+0\W+0\W+1,897\W+0\W", run.Output);
        var lines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal(12, lines.Length);
        Assert.EndsWith("title.principals.tsv:449: dangling: the person is not in name.basics.tsv", lines[0]);
        Assert.Equal("tt9809952\t10\tnm10449319\tactor\t\\N\t[\"Kichisaburô\"]", lines[1]);
    }

    [Fact]
    public async Task A_rejected_record_exits_1_and_the_rest_is_written()
    {
        var file = Path.Combine(_temp.Directory, "records.jsonl");
        await File.WriteAllTextAsync(file, "{\"id\":\"a\",\"name\":\"A\"}\n{\"id\":\"b\",\"name\":\"B\",\"born\":\"x\"}\n");

        var run = await RunAsync([file, "--store", _temp.File]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:2: $.born: expected a whole number, found the string \"x\".", run.Errors);
        Assert.Contains("read 2 people, 0 films, 0 relationships; 1 record rejected.", run.Output);
        Assert.Matches(@"people\W+2\W+1\W+0\W+0\W+0\W+1\W", run.Output);
    }

    [Fact]
    public async Task A_name_that_tells_no_format_is_a_usage_error()
    {
        var file = Path.Combine(_temp.Directory, "people.txt");
        await File.WriteAllTextAsync(file, "x");

        var run = await RunAsync([file, "--store", _temp.File]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("people.txt: cannot tell the format from the name", run.Errors);
        Assert.Equal(2, (await RunAsync([file, "--format", "xml", "--store", _temp.File])).ExitCode);
        Assert.False(File.Exists(_temp.File));
    }
}
