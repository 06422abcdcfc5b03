using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The store file changed under a running store: deleted, replaced by another import, or made unreadable. The store
/// must answer STORE_UNAVAILABLE rather than what it remembers, and answer from the new file once one is there.
/// </summary>
public sealed class FileFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly TempStorePath _path = new();
    private EmbeddedGraphStore _raw = null!;
    private IGraphStore _store = null!;

    public async Task InitializeAsync()
    {
        _raw = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = Poll });
        _store = GuardedGraphStore.Wrap(_raw);
        await _store.WriteAsync(ContractGraph.Batch());
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _path.Dispose();
    }

    /// <summary>Waits, at most ten seconds, for the store to see what happened to its file.</summary>
    private async Task Until(Func<bool> seen)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!seen()) await Task.Delay(Poll / 2, timeout.Token);
    }

    private static async Task<string> WriteOtherStoreAsync(string path)
    {
        await using var other = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = path, ExternalChangePoll = TimeSpan.Zero });
        await other.WriteAsync(GraphBatch.Of(people: [new Person("zoe", "Zoe Zed")]));
        return path;
    }

    private static void RemoveStoreFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }

    [Fact]
    public async Task A_deleted_file_makes_the_store_unavailable_and_not_ready()
    {
        Assert.Null(await _store.ProblemAsync());
        RemoveStoreFiles(_path.File);
        await Until(() => _raw.Problem is not null);

        Assert.Equal(_raw.Problem, await _store.ProblemAsync());
        Assert.Contains("deleted", _raw.Problem);
        Assert.Contains(_path.File, _raw.Problem);
        var error = await Assert.ThrowsAsync<GraphStoreException>(() => _store.GetPersonAsync("ada"));
        Assert.Equal(ErrorCodes.Unavailable, error.Code);
        await Assert.ThrowsAsync<GraphStoreException>(() => _store.SeparationAsync(new ChainQuery { From = "ada", To = "dora" }));
        await Assert.ThrowsAsync<GraphStoreException>(() => _store.WriteAsync(GraphBatch.Of(people: [new Person("new", "New")])));
    }

    [Fact]
    public async Task A_file_replaced_by_another_import_is_opened_afresh_and_answers_from_it()
    {
        var other = await WriteOtherStoreAsync(Path.Combine(_path.Directory, "other.db"));
        RemoveStoreFiles(_path.File);
        File.Move(other, _path.File);
        await Until(() => _raw.Problem is null && _store.GetPersonAsync("zoe").Result is not null);

        Assert.Null(await _store.GetPersonAsync("ada"));
        Assert.Equal(new GraphStats(1, 0, 0), await _store.StatsAsync());
        Assert.Null(await _store.ProblemAsync());
    }

    [Fact]
    public async Task An_unreadable_file_is_unavailable_until_a_good_store_is_back()
    {
        var good = Path.Combine(_path.Directory, "good.db");
        await WriteOtherStoreAsync(good);
        RemoveStoreFiles(_path.File);
        await File.WriteAllBytesAsync(_path.File, Enumerable.Repeat((byte)0x5a, 8192).ToArray());
        await Until(() => _raw.Problem?.Contains("cannot be read", StringComparison.Ordinal) == true);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => _store.PersonCreditsAsync("ada", null));
        Assert.Contains(_path.File, error.Message);

        File.Delete(_path.File);
        File.Move(good, _path.File);
        await Until(() => _raw.Problem is null);
        Assert.Equal("Zoe Zed", (await _store.GetPersonAsync("zoe"))?.Name);
    }
}
