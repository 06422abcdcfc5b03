using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Store.Embedded;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The shared store contract, on a real SQLite file.</summary>
public sealed class EmbeddedContractTests : GraphStoreContract, IDisposable
{
    private readonly TempStorePath _path = new();

    protected override Task<IGraphStore> CreateEmptyStoreAsync() =>
        // Centres only when a test asks, so that "missing" and "stale" stay what the test last made them.
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false });

    public void Dispose() => _path.Dispose();
}
