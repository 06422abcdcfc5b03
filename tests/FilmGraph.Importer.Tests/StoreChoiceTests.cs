using FilmGraph.Contract;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>Which store an import writes, said first, and the same file as the API's whatever the current folder.</summary>
public sealed class StoreChoiceTests : IDisposable
{
    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_first_line_names_the_store_by_its_absolute_path()
    {
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", "relative.db"], workingDirectory: _temp.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Importing into the embedded store {Path.Combine(_temp.Directory, "relative.db")}.", run.Output);
        Assert.True(File.Exists(Path.Combine(_temp.Directory, "relative.db")));
    }

    [Fact]
    public async Task Run_from_another_folder_the_default_store_is_the_API_s_file_at_the_repository_root()
    {
        // A dry run names the store and leaves the repository's file as it is (it creates no missing one).
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--dry-run"], workingDirectory: _temp.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Checking against the embedded store {Path.Combine(RepoFiles.Root, "filmgraph.db")}.", run.Output);
        Assert.Empty(Directory.GetFiles(_temp.Directory));
    }

    [Fact]
    public async Task A_relative_store_variable_is_taken_from_the_repository_root_as_the_API_takes_it()
    {
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--dry-run"], storeVariable: "elsewhere-test.db", workingDirectory: _temp.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Checking against the embedded store {Path.Combine(RepoFiles.Root, "elsewhere-test.db")}.", run.Output);
        Assert.False(File.Exists(Path.Combine(RepoFiles.Root, "elsewhere-test.db")));
    }

    [Fact]
    public async Task A_Neo4j_store_is_named_by_its_address_without_the_password()
    {
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--store-kind", "neo4j"],
            environment: new Dictionary<string, string> { ["NEO4J_URI"] = "bolt://importer:s3cret@127.0.0.1:9", ["NEO4J_PASSWORD"] = "s3cret" });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Importing into the Neo4j store bolt://127.0.0.1:9, the server's default database, user neo4j.", run.Output);
        Assert.DoesNotContain("s3cret", run.Output + run.Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_store_in_a_folder_that_does_not_exist_is_refused_saying_so(bool dryRun)
    {
        var store = Path.Combine(_temp.Directory, "no-such-folder", "x.db");

        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", store, .. dryRun ? new[] { "--dry-run" } : []]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the folder {Path.GetDirectoryName(store)} does not exist", run.Errors);
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)));
    }
}
