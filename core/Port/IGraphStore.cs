namespace FilmGraph.Core;

public interface IGraphStore : IGraphReader, IGraphWriter, IAsyncDisposable
{
    /// <summary>A short description for health output, e.g. "embedded: /data/filmgraph.db".</summary>
    string Description { get; }

    /// <summary>Whether the store can answer now (the file is open, the server reachable).</summary>
    Task<bool> IsReadyAsync(CancellationToken ct = default);
}
