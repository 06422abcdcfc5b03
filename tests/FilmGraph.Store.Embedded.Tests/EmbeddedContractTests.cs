using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Store.Embedded;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The shared store contract, on a real SQLite file.</summary>
public sealed class EmbeddedContractTests : GraphStoreContract, IDisposable
{
    private readonly TempStorePath _path = new();

    protected override Task<IGraphStore> CreateEmptyStoreAsync() =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero });

    public void Dispose() => _path.Dispose();
}
