using System.Collections.Concurrent;
using System.Diagnostics;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Pool;

/// <summary>
/// Connections to one server. A semaphore bounds how many exist; idle ones wait on a stack so the
/// warmest is reused first. Broken, expired or closed-pool connections are discarded on return.
/// </summary>
internal sealed class ConnectionPool(ServerAddress address, ConnectionSettings settings, BoltDriverOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConnectionPoolSize, options.MaxConnectionPoolSize);
    private readonly ConcurrentStack<BoltConnection> _idle = new();
    private int _inUse;
    private volatile bool _closed;

    public ServerAddress Address { get; } = address;

    public int InUse => Volatile.Read(ref _inUse);

    public int Idle => _idle.Count;

    public async Task<BoltConnection> AcquireAsync(CancellationToken ct)
    {
        if (_closed)
        {
            // Closed because the server failed (routing forgets it) or the driver was disposed.
            throw new BoltServiceUnavailableException($"The pool for {Address} is closed.");
        }
        if (!await _slots.WaitAsync(options.ConnectionAcquisitionTimeout, ct).ConfigureAwait(false))
        {
            throw new BoltClientException(
                $"No connection to {Address} became free within {options.ConnectionAcquisitionTimeout.TotalSeconds:0.#} s (pool size {options.MaxConnectionPoolSize}).");
        }
        try
        {
            while (_idle.TryPop(out var idle))
            {
                if (await IsReusableAsync(idle, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _inUse);
                    return idle;
                }
                await idle.DisposeAsync().ConfigureAwait(false);
            }
            var connection = await BoltConnection.OpenAsync(Address, settings, ct).ConfigureAwait(false);
            Interlocked.Increment(ref _inUse);
            return connection;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private async Task<bool> IsReusableAsync(BoltConnection connection, CancellationToken ct)
    {
        if (connection.IsBroken || Stopwatch.GetElapsedTime(connection.CreatedAt) > options.MaxConnectionLifetime)
        {
            return false;
        }
        if (options.ConnectionLivenessCheckTimeout is { } idleLimit && Stopwatch.GetElapsedTime(connection.LastUsedAt) > idleLimit)
        {
            try
            {
                await connection.ResetAsync(ct).ConfigureAwait(false);
            }
            catch (BoltException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Takes a connection back, first bringing the server side to idle if a caller left state behind.</summary>
    public async ValueTask ReleaseAsync(BoltConnection connection)
    {
        Interlocked.Decrement(ref _inUse);
        try
        {
            if (!connection.IsBroken && (connection.Pending > 0 || connection.NeedsReset))
            {
                try
                {
                    using var limit = new CancellationTokenSource(options.ConnectionTimeout);
                    await connection.ResetAsync(limit.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is BoltException or OperationCanceledException)
                {
                    connection.Break(e);
                }
            }
            if (connection.IsBroken || _closed || Stopwatch.GetElapsedTime(connection.CreatedAt) > options.MaxConnectionLifetime)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _idle.Push(connection);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Closes idle connections now and in-use ones when they come back.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        while (_idle.TryPop(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
