using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// Centres kept beside the store file: served by the next opening without computing, ignored when the file is
/// damaged or the graph changed, and computed again in the background when they are missing or stale.
/// </summary>
public sealed class CentresPersistenceTests : IDisposable
{
    private static readonly IReadOnlyList<RelationshipType> CastIn = [RelationshipType.CastIn];
    private readonly TempStorePath _path = new();

    private EmbeddedStoreOptions Options(bool background = false) => new()
    {
        Path = _path.File,
        ExternalChangePoll = TimeSpan.Zero,
        CentresInBackground = background,
        CentresQuietPeriod = TimeSpan.Zero,
    };

    private string CentresFile => _path.File + ".centres";

    private async Task<IGraphStore> OpenAsync(bool background = false) => GuardedGraphStore.Wrap(await EmbeddedGraphStore.OpenAsync(Options(background)));

    private static (string, long, long)[] Figures(IEnumerable<Centre> centres) =>
        [.. centres.Select(c => (c.Person.Id, c.TotalDistance, c.ReachCount))];

    private async Task<(string, long, long)[]> RankedAndClosedAsync()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(ContractGraph.Batch());
        await store.ComputeCentresAsync(CastIn, null);
        return Figures(await store.CentresAsync(CastIn, 100));
    }

    [Fact]
    public async Task The_next_opening_serves_the_kept_centres_as_current_without_computing()
    {
        var ranked = await RankedAndClosedAsync();
        Assert.True(File.Exists(CentresFile));
        await using var again = await OpenAsync();
        var status = await again.CentresStatusAsync(CastIn);
        Assert.Equal(CentresState.Current, status.State);
        Assert.Equal(CentresBruteForce.Rank(ContractGraph.Batch(), CastIn).ToArray(), ranked);
        Assert.Equal(ranked, Figures(await again.CentresAsync(CastIn, 100)));
    }

    [Fact]
    public async Task A_damaged_or_foreign_centres_file_is_ignored_and_named()
    {
        await RankedAndClosedAsync();
        var bytes = await File.ReadAllBytesAsync(CentresFile);
        bytes[^3] ^= 0x55;
        await File.WriteAllBytesAsync(CentresFile, bytes);
        await using (var store = EmbeddedGraphStore.Open(Options()))
        {
            Assert.Equal(CentresState.Missing, (await store.CentresStatusAsync(CastIn)).State);
            Assert.Contains("checksum", store.CentresProblem);
        }

        // A whole file of another store at the same path (the store file replaced) is not this store's either.
        using var other = new TempStorePath();
        await using (var elsewhere = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = other.File, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false }))
        {
            await elsewhere.WriteAsync(ContractGraph.Batch());
            await elsewhere.ComputeCentresAsync(CastIn, null);
        }
        File.Copy(other.File + ".centres", CentresFile, overwrite: true);
        await using var mine = EmbeddedGraphStore.Open(Options());
        Assert.Equal(CentresState.Missing, (await mine.CentresStatusAsync(CastIn)).State);
        Assert.Contains("another store", mine.CentresProblem);
    }

    [Fact]
    public async Task A_change_made_while_closed_is_stale_on_opening_and_the_background_ranks_again()
    {
        await RankedAndClosedAsync();
        var change = new Relationship(RelationshipType.CastIn, "gus", "f1", new RelationshipProperties());
        await using (var writer = await OpenAsync())
        {
            await writer.WriteAsync(GraphBatch.Of(relationships: [change]));
            Assert.Equal(CentresState.Stale, (await writer.CentresStatusAsync(CastIn)).State);
        }
        await using (var reopened = await OpenAsync())
            Assert.Equal(CentresState.Stale, (await reopened.CentresStatusAsync(CastIn)).State);

        await using var background = await OpenAsync(background: true);
        var expected = CentresBruteForce.Rank(GraphBatch.Of(ContractGraph.Batch().People, [], [.. ContractGraph.Batch().Relationships, change]), CastIn);
        // The background computation takes a tick to start; wait for its result rather than for a time.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await background.CentresStatusAsync(CastIn)).State != CentresState.Current) await Task.Delay(50, patience.Token);
        Assert.Equal(expected.ToArray(), Figures(await background.CentresAsync(CastIn, 100)));
    }

    [Fact]
    public async Task A_store_with_no_centres_file_computes_them_in_the_background_and_keeps_them()
    {
        await using (var store = await OpenAsync(background: true))
        {
            await store.WriteAsync(ContractGraph.Batch());
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while ((await store.CentresStatusAsync(CastIn)) is not { State: CentresState.Current, Candidates: > 0 }) await Task.Delay(50, patience.Token);
        }
        await using var reopened = await OpenAsync();
        Assert.Equal(CentresState.Current, (await reopened.CentresStatusAsync(CastIn)).State);
        Assert.Equal(CentresBruteForce.Rank(ContractGraph.Batch(), CastIn).ToArray(), Figures(await reopened.CentresAsync(CastIn, 100)));
    }

    public void Dispose() => _path.Dispose();
}
