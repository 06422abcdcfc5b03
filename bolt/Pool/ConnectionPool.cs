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

    /// <summary>
    /// A connection authenticated as <paramref name="sessionAuth"/>, or else with the driver's current token. An
    /// idle connection with other credentials is re-authenticated where the protocol allows (5.1+), replaced where not.
    /// </summary>
    public async Task<BoltConnection> AcquireAsync(BoltAuth? sessionAuth, CancellationToken ct)
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
            var auth = sessionAuth ?? await settings.Auth.GetTokenAsync(ct).ConfigureAwait(false);
            while (_idle.TryPop(out var idle))
            {
                if (sessionAuth is not null && !idle.CanReauthenticate && !idle.IsBroken)
                {
                    // All connections to one server speak one version: a new one could not switch users either.
                    _idle.Push(idle);
                    throw NoSessionAuth(idle);
                }
                if (await IsReusableAsync(idle, auth, sessionAuth is null, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _inUse);
                    return idle;
                }
                await idle.DisposeAsync().ConfigureAwait(false);
            }
            BoltConnection connection;
            try
            {
                connection = await BoltConnection.OpenAsync(Address, settings, auth, ct).ConfigureAwait(false);
            }
            catch (BoltAuthenticationException e)
            {
                throw Refused(auth, sessionAuth is null, e);
            }
            if (sessionAuth is not null && !connection.CanReauthenticate)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw NoSessionAuth(connection);
            }
            Interlocked.Increment(ref _inUse);
            return connection;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private static BoltClientException NoSessionAuth(BoltConnection connection) => new(
        $"A session with credentials of its own needs Bolt 5.1 or later (re-authentication on an open connection); {connection.Address} speaks Bolt {connection.Version}.");

    /// <summary>Tells the driver's token manager its token was refused, which decides whether a retry may help.</summary>
    public BoltAuthenticationException Refused(BoltAuth auth, bool driverAuth, BoltAuthenticationException error)
    {
        if (driverAuth)
        {
            error.RetryWithNewToken = settings.Auth.HandleSecurityException(auth, error);
        }
        return error;
    }

    private async Task<bool> IsReusableAsync(BoltConnection connection, BoltAuth auth, bool driverAuth, CancellationToken ct)
    {
        if (connection.IsBroken || Stopwatch.GetElapsedTime(connection.CreatedAt) > options.MaxConnectionLifetime)
        {
            return false;
        }
        if (!connection.Auth.SameAs(auth))
        {
            if (!connection.CanReauthenticate)
            {
                // Bolt 4.4 keeps the credentials of its HELLO: a new connection takes the new ones.
                return false;
            }
            try
            {
                await connection.ReauthenticateAsync(auth, ct).ConfigureAwait(false);
                return true;
            }
            catch (BoltAuthenticationException e)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw Refused(auth, driverAuth, e);
            }
            catch (BoltException)
            {
                return false;
            }
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
