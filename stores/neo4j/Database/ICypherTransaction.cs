namespace FilmGraph.Store.Neo4j;

/// <summary>One transaction of an <see cref="ICypherDatabase"/>.</summary>
public interface ICypherTransaction
{
    /// <summary>Runs a statement and reads all of its rows and the counters of what it changed.</summary>
    Task<CypherOutcome> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct);
}
