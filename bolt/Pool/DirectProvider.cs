using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Pool;

/// <summary>bolt://: every session talks to the one server the URI names.</summary>
internal sealed class DirectProvider(ServerAddress address, PoolRegistry pools) : IConnectionProvider
{
    public async Task<ConnectionLease> AcquireAsync(AcquireRequest request, CancellationToken ct)
    {
        var pool = pools.Get(address);
        var connection = await pool.AcquireAsync(request.Auth, ct).ConfigureAwait(false);
        return new ConnectionLease(connection, pool, this, request.Database, request.Auth is not null);
    }

    public void OnServerUnavailable(ServerAddress failed)
    {
        // The single server stays the target; its broken connections are discarded as they return.
    }

    public void OnWriterGone(ServerAddress failed, string? database)
    {
        // Without routing there is no other writer to turn to.
    }

    public IEnumerable<ConnectionPool> Pools => pools.All;

    public ValueTask DisposeAsync() => pools.DisposeAsync();
}
