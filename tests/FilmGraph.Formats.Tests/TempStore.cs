using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Stores;

namespace FilmGraph.Formats.Tests;

/// <summary>
/// A real store file in a fresh temp folder, opened write-only as the importer opens it unless asked for queries, and
/// behind the guarded port, which holds the rules (orderings among them) that the stores leave to it.
/// </summary>
public sealed class TempStore(TempStorePath temp, IGraphStore store) : IAsyncDisposable
{
    public IGraphStore Store { get; } = store;

    public string File => temp.File;

    public string Directory => temp.Directory;

    public static async Task<TempStore> OpenAsync(bool queries = false)
    {
        var temp = new TempStorePath();
        var settings = new StoreSettings { Embedded = { Path = temp.File, ExternalChangePoll = TimeSpan.Zero } };
        var store = await GraphStores.OpenAsync(queries ? settings : settings.WriteOnly(), CancellationToken.None);
        return new TempStore(temp, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        temp.Dispose();
    }
}
