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

    /// <summary>
    /// Says that an import of about <paramref name="records"/> records is about to send its batches, so that a store
    /// may write them another way until <see cref="EndImportAsync"/> (the embedded store appends them and builds its
    /// indexes at the end). Every batch is still upserted whole or not at all and visible when its write returns; it may
    /// be durable against a power cut only once <see cref="EndImportAsync"/> returns. <paramref name="bulk"/> true or false
    /// makes the choice instead of the store. Stores without such a path do nothing.
    /// </summary>
    Task BeginImportAsync(long records, bool? bulk = null, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>The import begun with <see cref="BeginImportAsync"/> is over, complete or not; called once, whatever happened.</summary>
    Task EndImportAsync(CancellationToken ct = default) => Task.CompletedTask;
}
