namespace FilmGraph.Core;

public interface IGraphStore : IGraphReader, IGraphWriter, ICentres, IAsyncDisposable
{
    /// <summary>
    /// Removes the relationship (type, from, to); false when there was none. Durable and visible to the next query
    /// when it returns. The nodes stay, whatever else still links them.
    /// </summary>
    Task<bool> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default);

    /// <summary>
    /// A number that changes whenever what the store answers may have changed (a write, another process's import, a
    /// new file), for HTTP validators; null when the store cannot tell cheaply (Neo4j, written by others too).
    /// </summary>
    long? Version { get; }

    /// <summary>A short description for health output, e.g. "embedded: /data/filmgraph.db".</summary>
    string Description { get; }

    /// <summary>Why the store cannot answer now (its file gone, its server unreachable), or null when it can.</summary>
    Task<string?> ProblemAsync(CancellationToken ct = default);

    /// <summary>
    /// This store's own infrastructure failure (its file, its server) as a <see cref="GraphStoreException"/> naming
    /// the store, or null when <paramref name="error"/> is not one: the caller's mistakes and bugs stay what they are.
    /// </summary>
    GraphStoreException? Fault(Exception error);
}
