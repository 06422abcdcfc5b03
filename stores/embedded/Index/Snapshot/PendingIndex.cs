namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// An index to save whose parts after the nodes may still be building: the snapshot writes the nodes first and waits
/// for each later part only when it comes to that part's sections, so that the end of a bulk import writes while it
/// builds instead of after.
/// </summary>
internal sealed record PendingIndex(NodeTable Nodes, long Generation, Task<PendingIndex.Rows> Relationships, Task<NameIndex> Names)
{
    /// <summary>What the snapshot holds of the relationships: the adjacency, the id ranks and the roles, if known.</summary>
    public sealed record Rows(Adjacency Adjacency, IdOrder? Order, EdgeRoles? Roles);

    /// <summary>An index already built; it must have its traversal structures.</summary>
    public static PendingIndex Of(GraphIndex index) =>
        new(index.Nodes, index.Generation, Task.FromResult(new Rows(index.Adjacency, index.Order, index.Roles)),
            Task.FromResult(index.Names ?? throw new InvalidOperationException("Only an index with traversal structures is saved.")));
}
