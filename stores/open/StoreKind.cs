namespace FilmGraph.Stores;

/// <summary>Which store serves the graph; <see cref="StoreKinds"/> spells and parses the names.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file beside the process, with the traversal index in memory. The default.</summary>
    Embedded,

    /// <summary>A Neo4j 5 server or cluster over Bolt.</summary>
    Neo4j,
}
