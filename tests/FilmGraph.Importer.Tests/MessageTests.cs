using FilmGraph.Contract;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>What the importer says matches what happened: nothing read is not "the batches before it are written".</summary>
public sealed class MessageTests : IDisposable
{
    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_CSV_header_that_does_not_parse_says_nothing_was_written()
    {
        var file = _temp.Write("people.csv", "id:ID(Person),name,nickname\nemma-stone,Emma Stone,Em\n");

        var run = await ImporterRun.StartAsync([file, "--store", _temp.File]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("column 'nickname' is no node property", run.Errors);
        Assert.Contains("people.csv: read 0 people, 0 films, 0 relationships; stopped at a fault in a file; nothing was written.", run.Output);
        Assert.DoesNotContain("the batches before it are written", run.Output);
    }

    [Fact]
    public async Task A_folder_given_as_a_file_is_called_a_folder()
    {
        var run = await ImporterRun.StartAsync([_temp.Directory, "--store", _temp.File]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{_temp.Directory} is a folder, not a file", run.Errors);
        Assert.DoesNotContain("no such file", run.Errors);
    }

    [Fact]
    public async Task A_jsonl_file_of_random_bytes_stops_at_once_saying_it_is_not_JSON_Lines()
    {
        var file = Path.Combine(_temp.Directory, "random.jsonl");
        var bytes = new byte[512 * 1024];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);

        var run = await ImporterRun.StartAsync([file, "--store", _temp.File]);

        Assert.Equal(1, run.ExitCode);
        var errors = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(errors);
        Assert.StartsWith($"{file}:1: this is not JSON Lines (line 1: ", errors[0]);
        Assert.Contains("nothing was written", run.Output);
    }

    [Fact]
    public async Task A_CSV_file_named_jsonl_is_not_JSON_Lines_but_one_bad_line_among_good_ones_is_rejected_alone()
    {
        var csv = _temp.Write("people.jsonl", "id,name\nemma-stone,Emma Stone\n");
        var notJsonl = await ImporterRun.StartAsync([csv, "--store", _temp.File]);
        Assert.Contains($"{csv}:1: this is not JSON Lines (line 1: expected a JSON object, found 'id,name'); none of the first 2 lines is a JSON object.",
            notJsonl.Errors);

        var mixed = _temp.Write("mixed.jsonl", "not json\n{\"id\":\"a\",\"name\":\"A\"}\n");
        var run = await ImporterRun.StartAsync([mixed, "--store", _temp.File]);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("this is not JSON Lines", run.Errors);
        Assert.Contains("read 1 person, 0 films, 0 relationships; 1 record rejected.", run.Output);
    }

    [Fact]
    public async Task A_rejected_JSON_document_counts_every_record_it_holds_and_writes_the_rejected_ones()
    {
        var file = RepoFiles.Corpus("missing-fields.json");
        var rejects = Path.Combine(_temp.Directory, "rejects.txt");

        var run = await ImporterRun.StartAsync([file, "--store", _temp.File, "--rejects", rejects]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("read 2 people, 1 film, 3 relationships; 6 records rejected, 6 errors; nothing from this file was written.", run.Output);
        CommandLineTests.AssertRow(run, "people", 2, 0, 0, 0);
        Assert.Matches(@"relationships\W+3\W+0\W+0\W+0\W+0\W+3\W", run.Output);
        var lines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal(12, lines.Length);
        Assert.Equal($"# {file}:3: $.people[0].id: missing 'id'.", lines[0]);
        Assert.Equal("{ \"name\": \"Emma Stone\" }", lines[1]);
        Assert.Equal($"# {file}:12: $.relationships[2].to: missing 'to'.", lines[10]);
    }

    [Fact]
    public async Task A_document_with_faults_the_store_finds_rejects_those_records_and_counts_the_rest_as_read()
    {
        var file = RepoFiles.Corpus("dangling.json");
        var rejects = Path.Combine(_temp.Directory, "rejects.txt");

        var run = await ImporterRun.StartAsync([file, "--store", _temp.File, "--rejects", rejects]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("read 1 person, 1 film, 3 relationships; 2 records rejected, 2 errors; nothing from this file was written.", run.Output);
        var lines = await File.ReadAllLinesAsync(rejects);
        // The record as the file has it, over its own lines, so that it can be fixed and imported again.
        Assert.Equal($"# {file}:12: $.relationships[1].from: 'ryan-goslin' is no person in this data or in the store.", lines[0]);
        Assert.Equal(["    {", "      \"type\": \"CAST_IN\","], lines[1..3]);
        Assert.Equal("    }", lines[6]);
        Assert.StartsWith($"# {file}:16: $.relationships[2].to: DIRECTED needs a film here", lines[7]);
        Assert.Equal("{ \"type\": \"DIRECTED\", \"from\": \"emma-stone\", \"to\": \"emma-stone\" }", lines[8]);
    }

    [Fact]
    public async Task The_table_groups_digits_as_the_summary_line_does()
    {
        var file = Path.Combine(_temp.Directory, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 1500).Select(i => $"{{\"id\":\"p{i}\",\"name\":\"P {i}\"}}"));

        var run = await ImporterRun.StartAsync([file, "--store", _temp.File]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("read 1,500 people", run.Output);
        Assert.Matches(@"people\W+1,500\W+1,500\W+0\W", run.Output);
        Assert.DoesNotContain("1500", run.Output);
    }
}
