namespace FilmGraph.Store.Neo4j;

/// <summary>
/// Thrown by write work that met another writer's changes between its look and its write; the
/// <see cref="ICypherDatabase"/> runs the work again, and the next run sees them.
/// </summary>
public sealed class CypherConflictException : Exception
{
    public CypherConflictException(string message) : base(message) { }

    public CypherConflictException(string message, Exception inner) : base(message, inner) { }

    public CypherConflictException() { }
}
