using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Formats.Tests;
using FilmGraph.Store.Embedded;

namespace FilmGraph.Importer.Tests;

/// <summary>--centres: the import is followed by a ranking the next opening of the store serves as current.</summary>
public sealed class CentresFlagTests : IDisposable
{
    private static readonly IReadOnlyList<RelationshipType> CastIn = [RelationshipType.CastIn];
    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    private EmbeddedStoreOptions Reading => new() { Path = _temp.File, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false };

    [Fact]
    public async Task Centres_after_the_import_are_kept_current_with_the_store()
    {
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", _temp.File, "--centres"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Contains("Centres ranked:", run.Output);
        Assert.True(File.Exists(_temp.File + ".centres"));

        (string, long, long)[] kept;
        await using (var store = EmbeddedGraphStore.Open(Reading))
        {
            var status = await store.CentresStatusAsync(CastIn);
            Assert.Equal(CentresState.Current, status.State);
            kept = [.. (await store.CentresAsync(CastIn, 100)).Select(c => (c.Person.Id, c.TotalDistance, c.ReachCount))];
            Assert.NotEmpty(kept);
            // The same as ranking again in this process, which the store tests hold to an all-pairs computation.
            await store.ComputeCentresAsync(CastIn, null);
            Assert.Equal(kept, (await store.CentresAsync(CastIn, 100)).Select(c => (c.Person.Id, c.TotalDistance, c.ReachCount)).ToArray());
        }
    }

    [Fact]
    public async Task A_dry_run_with_centres_ranks_nothing()
    {
        Assert.Equal(0, (await ImporterRun.StartAsync([RepoFiles.Sample, "--store", _temp.File])).ExitCode);
        var run = await ImporterRun.StartAsync([RepoFiles.Sample, "--store", _temp.File, "--dry-run", "--centres"]);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Centres ranked", run.Output);
        Assert.False(File.Exists(_temp.File + ".centres"));
    }
}
