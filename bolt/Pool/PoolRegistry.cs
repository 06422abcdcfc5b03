using System.Collections.Concurrent;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Pool;

/// <summary>One pool per server address, created on first use.</summary>
internal sealed class PoolRegistry(ConnectionSettings settings, BoltDriverOptions options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ServerAddress, ConnectionPool> _pools = new();

    public ConnectionPool Get(ServerAddress address) => _pools.GetOrAdd(address, a => new ConnectionPool(a, settings, options));

    public IEnumerable<ConnectionPool> All => _pools.Values;

    /// <summary>Closes a server's idle connections after it failed; the ones in use are dropped when returned broken.</summary>
    public async ValueTask PurgeAsync(ServerAddress address)
    {
        if (_pools.TryRemove(address, out var pool))
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
        _pools.Clear();
    }
}
