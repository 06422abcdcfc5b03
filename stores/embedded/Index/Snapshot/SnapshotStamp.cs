namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// Which state of which store file a snapshot holds: the store's identity (<c>meta.identity</c>, new with every
/// file), its write generation (<c>meta.generation</c>, raised in the transaction of every write FilmGraph commits)
/// and its node count (<c>max(seq)</c>, a second witness should a writer that skips the generation add nodes).
/// A snapshot is used only when all three equal the file's, read inside the transaction the index is then read in.
/// </summary>
internal sealed record SnapshotStamp(string Identity, long Generation, int Nodes)
{
    /// <summary>Why a snapshot with this stamp does not hold the file whose stamp is <paramref name="file"/>, or null when it does.</summary>
    public string? Mismatch(SnapshotStamp file) =>
        Identity != file.Identity ? $"it is of another store file (identity {Identity}, the file's {file.Identity})"
        : Generation != file.Generation ? $"it holds write generation {Generation} and the file is at {file.Generation} (written since)"
        : Nodes != file.Nodes ? $"it holds {Nodes:N0} nodes and the file {file.Nodes:N0} (written since by something that did not count the write)"
        : null;
}
