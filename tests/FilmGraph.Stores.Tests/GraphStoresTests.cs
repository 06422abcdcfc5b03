using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Stores.Tests;

public sealed class GraphStoresTests : IDisposable
{
    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    private StoreSettings Embedded(string path) => new() { Embedded = { Path = path, ExternalChangePoll = TimeSpan.Zero } };

    [Fact]
    public async Task The_store_comes_behind_the_port_s_rules()
    {
        await using var store = await GraphStores.OpenAsync(Embedded(_temp.File), CancellationToken.None);

        Assert.IsType<GuardedGraphStore>(store);
        Assert.Equal(new GraphStats(0, 0, 0), await store.StatsAsync());
        var missing = await Assert.ThrowsAsync<GraphQueryException>(() => store.SeparationAsync(new ChainQuery { From = "nobody", To = "nobody" }));
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_a_store_failure_naming_it()
    {
        // A folder where the file should be.
        var folder = await Assert.ThrowsAsync<GraphStoreException>(() => GraphStores.OpenAsync(Embedded(_temp.Directory), CancellationToken.None));
        Assert.StartsWith($"Cannot open the store file {_temp.Directory}: ", folder.Message);

        await File.WriteAllTextAsync(_temp.File, "not a database, though long enough to look like one's first page of bytes");
        var garbage = await Assert.ThrowsAsync<GraphStoreException>(() => GraphStores.OpenAsync(Embedded(_temp.File), CancellationToken.None));
        Assert.StartsWith($"Cannot open the store file {_temp.File}: ", garbage.Message);
    }

    [Theory]
    [InlineData("bolt://127.0.0.1:9")] // nothing listens on the discard port, so the connection is refused at once
    [InlineData("http://127.0.0.1:9")] // no Bolt scheme
    public async Task A_server_that_cannot_be_reached_or_addressed_is_a_store_failure_naming_it(string uri)
    {
        var settings = new StoreSettings { Store = "neo4j", Neo4j = { Uri = uri } };

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => GraphStores.OpenAsync(settings, CancellationToken.None));

        Assert.StartsWith($"Cannot open the Neo4j store at {uri}: ", error.Message);
        Assert.Equal(ErrorCodes.Unavailable, error.Code);
    }

    [Fact]
    public async Task An_unknown_kind_opens_nothing()
    {
        var error = await Assert.ThrowsAsync<GraphStoreException>(() =>
            GraphStores.OpenAsync(new StoreSettings { Store = "mongo", Embedded = { Path = _temp.File } }, CancellationToken.None));

        Assert.Contains("'embedded' or 'neo4j'", error.Message);
        Assert.False(File.Exists(_temp.File));
    }
}
