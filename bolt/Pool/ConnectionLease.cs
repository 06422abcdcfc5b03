using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Pool;

/// <summary>
/// A connection borrowed for one unit of work. Reads and flushes go through here so that a lost
/// server or a routing failure is reported to the provider in one place.
/// </summary>
internal sealed class ConnectionLease(BoltConnection connection, ConnectionPool pool, IConnectionProvider provider, string? database, bool sessionAuth = false)
{
    private int _released;

    public BoltConnection Connection { get; } = connection;

    public ServerAddress Address => Connection.Address;

    /// <summary>The database this lease serves: the one asked for or, through routing, the home database the router named.</summary>
    public string? Database { get; } = database;

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        try
        {
            await Connection.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (BoltServiceUnavailableException)
        {
            provider.OnServerUnavailable(Address);
            throw;
        }
    }

    public async ValueTask<BoltResponse> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await Connection.ReadResponseAsync(ct).ConfigureAwait(false);
        }
        catch (BoltServiceUnavailableException)
        {
            provider.OnServerUnavailable(Address);
            throw;
        }
    }

    /// <summary>Turns a FAILURE into its exception and resets the connection so it can go back to the pool.</summary>
    public async ValueTask<BoltException> FailAsync(BoltResponse failure, CancellationToken ct)
    {
        var exception = failure.Kind == ResponseKind.Failure
            ? Failures.ToException(failure.Metadata)
            : new BoltProtocolException($"Expected a summary, got {failure.Kind}.");
        if (Failures.IsRoutingFailure(exception.Code))
        {
            provider.OnWriterGone(Address, Database);
        }
        if (exception is BoltAuthenticationException refused)
        {
            // An expired token: the token manager may have the next one, and the retry re-authenticates with it.
            pool.Refused(Connection.Auth, !sessionAuth, refused);
        }
        if (!Connection.IsBroken)
        {
            try
            {
                await Connection.ResetAsync(ct).ConfigureAwait(false);
            }
            catch (BoltServiceUnavailableException)
            {
                provider.OnServerUnavailable(Address);
            }
        }
        return exception;
    }

    public ValueTask ReleaseAsync() =>
        Interlocked.Exchange(ref _released, 1) == 0 ? pool.ReleaseAsync(Connection) : default;
}

/// <summary>Where sessions get connections: one server for bolt://, a routing table for neo4j://.</summary>
internal interface IConnectionProvider : IAsyncDisposable
{
    Task<ConnectionLease> AcquireAsync(AcquireRequest request, CancellationToken ct);

    void OnServerUnavailable(ServerAddress address);

    void OnWriterGone(ServerAddress address, string? database);

    IEnumerable<ConnectionPool> Pools { get; }
}
