namespace FilmGraph.Store.Neo4j;

/// <summary>
/// All the store needs of a Neo4j client: statements with parameters, in read or write transactions that the
/// client retries on transient failures, plus auto-commit statements for the schema. The project's Bolt client
/// stands behind it (<see cref="BoltCypherDatabase"/>); the official Neo4j.Driver could stand behind it too,
/// since nothing here names a client's own types.
/// </summary>
public interface ICypherDatabase : IAsyncDisposable
{
    /// <summary>Connects (or reuses a connection) and authenticates; throws when the server cannot be reached.</summary>
    Task VerifyConnectivityAsync(CancellationToken ct);

    /// <summary>One statement in its own implicit transaction (schema statements cannot share one).</summary>
    Task RunAutoCommitAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a read transaction, again when it fails transiently; it sees every write
    /// this database's <see cref="WriteAsync"/> committed before.
    /// </summary>
    Task<T> ReadAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction, committed when it returns and run again when it fails
    /// transiently or throws <see cref="CypherConflictException"/>.
    /// </summary>
    Task<T> WriteAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct);

    /// <summary>What an error this database raised means for the store.</summary>
    CypherFault Classify(Exception error);

    /// <summary>The Neo4j status code an error carries (e.g. <c>Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists</c>), if any.</summary>
    string? StatusCode(Exception error);
}
