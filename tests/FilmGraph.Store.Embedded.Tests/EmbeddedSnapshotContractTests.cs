using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The shared store contract on a store opened from its index snapshot: the contract graph is written and the store
/// closed (which saves the snapshot), then the store handed to the contract is opened from that snapshot.
/// </summary>
public sealed class EmbeddedSnapshotContractTests : GraphStoreContract, IDisposable
{
    private readonly TempStorePath _path = new();

    private EmbeddedStoreOptions Options => new() { Path = _path.File, ExternalChangePoll = TimeSpan.Zero };

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        await using (var first = EmbeddedGraphStore.Open(Options)) await first.WriteAsync(ContractGraph.Batch());
        var store = EmbeddedGraphStore.Open(Options);
        Assert.StartsWith("read from the snapshot", store.IndexSource);
        return store;
    }

    public void Dispose() => _path.Dispose();
}
