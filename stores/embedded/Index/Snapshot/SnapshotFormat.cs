namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// The layout of an index snapshot (<c>store.db.index</c>), little-endian throughout:
/// <code>
/// magic "FGINDEX1" | int32 format version | int32 section count
/// | 32 × (uint32 tag, uint32 reserved, int64 offset, int64 length, uint64 XxHash3 of the section's bytes)
/// | uint64 XxHash3 of everything before it | the sections, one after another
/// </code>
/// A section is a run of values written and read in the same order: int64s, strings (int64 byte count, UTF-8) and
/// arrays (int64 element count, then the elements as they lie in memory). The header is checked before anything is
/// read, and each section against its hash as it is read, so a flipped byte or a cut file is refused, never used.
/// <para>
/// To add a section (roles or ordering keys from the chain search, centres, ...): pick a new four-letter tag below,
/// write it in <see cref="IndexSnapshot.Write"/> between <c>Begin(tag)</c> and <c>End()</c>, and read it in
/// <see cref="IndexSnapshot.Read"/> with <c>reader.Section(tag)</c> (or <c>reader.Has(tag)</c> when a snapshot may
/// lack it, which then falls back or rebuilds that part). Readers ignore sections they do not know, so adding one
/// needs no new <see cref="Version"/>; changing the layout of an existing section does (or a new tag), and a
/// snapshot of another version is refused and rebuilt from the SQLite file.
/// </para>
/// </summary>
internal static class SnapshotFormat
{
    // 2: a slot of the adjacency without edges is saved without offsets.
    // 3: each slot's offsets cover only the nodes from its first row to its last, after the first's number.
    public const int Version = 3;
    public const int MaxSections = 32;
    public const int EntryBytes = 32;
    public const int HeaderBytes = 16 + MaxSections * EntryBytes + 8;

    public static ReadOnlySpan<byte> Magic => "FGINDEX1"u8;

    /// <summary>Which store and which write of it the snapshot holds; read first, so a stale snapshot is refused cheaply.</summary>
    public static readonly uint Stamp = Tag("META");
    public static readonly uint Nodes = Tag("NODE");
    public static readonly uint Adjacency = Tag("ADJC");
    public static readonly uint Names = Tag("NAME");

    /// <summary>Every node's rank among ids in ordinal order (<see cref="IdOrder"/>), for the chain order.</summary>
    public static readonly uint Order = Tag("ORDR");

    /// <summary>The roles of the relationships in the built rows (<see cref="EdgeRoles"/>); only beside rows saved as built.</summary>
    public static readonly uint Roles = Tag("ROLE");

    public static uint Tag(string name) =>
        name.Length == 4 && System.Text.Ascii.IsValid(name)
            ? (uint)(name[0] | name[1] << 8 | name[2] << 16 | name[3] << 24)
            : throw new ArgumentException($"A section tag is four ASCII letters, not '{name}'.", nameof(name));

    public static string Name(uint tag) => string.Concat(Enumerable.Range(0, 4).Select(i => (char)((tag >> (8 * i)) & 0xFF)));
}
