using System.Text;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// The role of every person-to-film relationship in the adjacency's built rows, so that a chain's links are
/// described without reading the file. Roles repeat a great deal, so each distinct role is stored once, as UTF-8,
/// and each relationship holds a number into that table (0: no role).
/// <para>
/// Layout, as plain arrays to be persisted as they are: <see cref="Text"/> holds the distinct roles end to end and
/// role r (1-based) is <c>Text[Starts[r - 1]..Starts[r]]</c>; <see cref="Ids"/>[type] holds one role number per
/// entry of the adjacency's incoming rows of that type (<c>Slot(type, In)</c>: per film, its people in ascending node
/// order), which is the order of the file's primary key (target, type, source), so the table is read in one pass
/// without sorting. Types that link two people have no entry (null).
/// </para>
/// <para>
/// A relationship created since the rows were built has no number here, and a write that updates relationships
/// makes the table stale; the store then reads roles from the file (see <c>EmbeddedGraphStore</c>).
/// </para>
/// </summary>
internal sealed class EdgeRoles(byte[] text, int[] starts, int[]?[] ids)
{
    public byte[] Text { get; } = text;
    public int[] Starts { get; } = starts;
    public int[]?[] Ids { get; } = ids;

    /// <summary>
    /// The role of (<paramref name="person"/>, <paramref name="type"/>, <paramref name="film"/>) when that relationship
    /// is in the built rows of <paramref name="adjacency"/>; false when it must be read from the file.
    /// </summary>
    public bool TryRole(Adjacency adjacency, RelationshipType type, int person, int film, out string? role)
    {
        role = null;
        if (Ids[(int)type] is not { } ids) return false;
        var at = adjacency.BaseRowIndex(Adjacency.Slot(type, Direction.In), film, person);
        if (at < 0) return false;
        var id = ids[at];
        if (id != 0) role = Encoding.UTF8.GetString(Text, Starts[id - 1], Starts[id] - Starts[id - 1]);
        return true;
    }

    /// <summary>
    /// Asks for what reading the roles of a chain's links reads (<paramref name="path"/>: person, film, person, ..., all
    /// linked by <paramref name="type"/>), in three rounds, one for each array a role is found through: each role is
    /// three waits for memory, one after another, and asked for together those of all the links overlap.
    /// </summary>
    public void Touch(Adjacency adjacency, RelationshipType type, ReadOnlySpan<int> path)
    {
        if (Ids[(int)type] is not { } ids || path.Length < 3) return;
        var slot = Adjacency.Slot(type, Direction.In);
        Span<int> at = stackalloc int[path.Length - 1];
        for (var i = 1; i < path.Length; i++)
        {
            // Link (i - 1) / 2 joins path[i - 1] and path[i + 1] at film path[i]: the films sit at odd places.
            var (film, person) = i % 2 == 1 ? (path[i], path[i - 1]) : (path[i - 1], path[i]);
            at[i - 1] = adjacency.BaseRowIndex(slot, film, person);
            if (at[i - 1] >= 0) CacheHint.Prefetch(ids, at[i - 1]);
        }
        foreach (ref var a in at)
        {
            a = a >= 0 ? ids[a] : 0;
            if (a != 0) CacheHint.Prefetch(Starts, a - 1);
        }
        foreach (var role in at)
            if (role != 0) CacheHint.Prefetch(Text, Starts[role - 1]);
    }

    /// <summary>Collects roles in the file's primary key order, then checks they line up with the rows built.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
        private readonly List<byte> _text = [];
        private readonly List<int> _starts = [0];
        private readonly List<int>?[] _ids = new List<int>?[Adjacency.TypeCount];
        private readonly ulong[] _hashes = new ulong[Adjacency.TypeCount];

        /// <summary>One relationship, in (target, type, source) order.</summary>
        public void Add(int source, RelationshipType type, int target, string? role)
        {
            if (type.TargetKind() != NodeKind.Film) return;
            var t = (int)type;
            var ids = _ids[t] ??= [];
            _hashes[t] = Mix(_hashes[t], target, source);
            if (role is null)
            {
                ids.Add(0);
                return;
            }
            if (!_known.TryGetValue(role, out var id))
            {
                _text.AddRange(Encoding.UTF8.GetBytes(role));
                _starts.Add(_text.Count);
                _known[role] = id = _starts.Count - 1;
            }
            ids.Add(id);
        }

        /// <summary>The table for <paramref name="adjacency"/>, or null when the relationships read are not the ones its rows hold.</summary>
        public EdgeRoles? Build(Adjacency adjacency, int nodeCount)
        {
            var ids = new int[]?[Adjacency.TypeCount];
            for (var t = 0; t < Adjacency.TypeCount; t++)
            {
                var type = (RelationshipType)t;
                if (type.TargetKind() != NodeKind.Film) continue;
                var slot = Adjacency.Slot(type, Direction.In);
                ulong hash = 0;
                long count = 0;
                for (var film = 0; film < nodeCount; film++)
                {
                    adjacency.Neighbours(slot, film, out var rows, out var recent);
                    if (recent.Length > 0) return null;
                    foreach (var person in rows) hash = Mix(hash, film, person);
                    count += rows.Length;
                }
                var read = _ids[t];
                if ((read?.Count ?? 0) != count || hash != _hashes[t]) return null;
                ids[t] = read is null ? [] : [.. read];
            }
            return new EdgeRoles([.. _text], [.. _starts], ids);
        }

        private static ulong Mix(ulong hash, int target, int source) =>
            (hash ^ ((ulong)(uint)target << 32 | (uint)source)) * 0x100000001B3UL + 0x9E3779B97F4A7C15UL;
    }
}
