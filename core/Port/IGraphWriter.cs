namespace FilmGraph.Core;

public interface IGraphWriter
{
    /// <summary>
    /// Upserts by id (relationships by type, from and to), whole or not at all. A relationship may point at nodes in
    /// the same batch or already stored; anything invalid refuses the batch with <see cref="GraphWriteException"/>.
    /// Durable and visible to the next query when it returns.
    /// </summary>
    Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default);

    /// <summary>The problems <see cref="WriteAsync"/> would refuse the batch for, without writing anything.</summary>
    Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default);
}
