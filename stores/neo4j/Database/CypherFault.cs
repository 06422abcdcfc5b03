namespace FilmGraph.Store.Neo4j;

/// <summary>What an error from an <see cref="ICypherDatabase"/> means for the store.</summary>
public enum CypherFault
{
    /// <summary>Not the database's error at all.</summary>
    None,

    /// <summary>The server cannot answer: gone, refusing the credentials, failing inside, speaking nonsense. The store's fault.</summary>
    Unavailable,

    /// <summary>The server refused a statement: a bug in the store, not a condition of the server.</summary>
    Statement,
}
