using FilmGraph.Bolt;

namespace FilmGraph.Store.Neo4j;

/// <summary>
/// <see cref="ICypherDatabase"/> over the project's Bolt client. Sessions carry the bookmark of the last write, so
/// on a cluster the next read or write sees it.
/// </summary>
internal sealed class BoltCypherDatabase(BoltDriver driver, string? database) : ICypherDatabase
{
    /// <summary>The code a retried conflict goes by, as a transient error the managed transaction runs again.</summary>
    private const string ConflictCode = "FilmGraph.Store.ConcurrentCreate";

    private IReadOnlyList<string> _bookmarks = [];

    public Task VerifyConnectivityAsync(CancellationToken ct) => driver.VerifyConnectivityAsync(ct);

    public async Task RunAutoCommitAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct)
    {
        await using var session = driver.Session(database);
        var result = await session.RunAsync(statement, parameters, ct).ConfigureAwait(false);
        await result.ConsumeAsync(ct).ConfigureAwait(false);
    }

    public async Task<T> ReadAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var session = driver.Session(database, BoltAccessMode.Read, Volatile.Read(ref _bookmarks));
        return await session.ExecuteReadAsync(tx => work(new BoltCypherTransaction(tx)), ct).ConfigureAwait(false);
    }

    public async Task<T> WriteAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var session = driver.Session(database, BoltAccessMode.Write, Volatile.Read(ref _bookmarks));
        var value = await session.ExecuteWriteAsync(async tx =>
        {
            try
            {
                return await work(new BoltCypherTransaction(tx)).ConfigureAwait(false);
            }
            catch (CypherConflictException e)
            {
                throw new BoltTransientException(ConflictCode, e.Message);
            }
        }, ct).ConfigureAwait(false);
        Volatile.Write(ref _bookmarks, session.LastBookmarks.ToArray());
        return value;
    }

    public CypherFault Classify(Exception error) => error switch
    {
        BoltServiceUnavailableException or BoltAuthenticationException or BoltTransientException or BoltDatabaseException
            or BoltProtocolException or BoltVersionMismatchException => CypherFault.Unavailable,
        BoltException => CypherFault.Statement,
        _ => CypherFault.None,
    };

    public string? StatusCode(Exception error) => (error as BoltException)?.Code;

    public ValueTask DisposeAsync() => driver.DisposeAsync();
}
