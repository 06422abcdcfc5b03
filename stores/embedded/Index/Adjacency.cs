using System.Runtime.CompilerServices;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

public enum Direction { Out = 0, In = 1 }

/// <summary>
/// Neighbours by relationship type and direction. The bulk lives in compressed sparse rows (per slot: an offsets
/// array over nodes and one targets array, each node's targets sorted), built once; edges created since then sit in
/// a small overlay copied on write. When the overlay outgrows <see cref="OverlayLimit"/> the whole is compacted
/// into new rows, so a single write never rebuilds the index and the cost of rebuilding is spread over many.
/// Instances are immutable once published.
/// <para>
/// A slot's offsets cover only the nodes from the first to the last that has a row there (<c>_lows[slot]</c> is the
/// first): each type joins one kind to another, and files list people and films apart, so a person's slots need no
/// offsets over the films and a film's none over the people. At IMDb's size that is half the offsets' memory, and a
/// slot without edges holds one offset. The snapshot saves the slots as they are.
/// </para>
/// </summary>
internal sealed class Adjacency
{
    public const int TypeCount = 7;
    public const int SlotCount = TypeCount * 2;

    private readonly int[][] _offsets;
    private readonly int[] _lows;
    private readonly int[][] _targets;
    private readonly Dictionary<int, int[]>?[] _overlay;

    /// <summary>Nodes covered by the compressed rows; nodes added later have only overlay edges.</summary>
    public int BaseNodes { get; }
    public long BaseEdges { get; }
    public int OverlayEdges { get; }

    public int OverlayLimit => (int)Math.Max(16_384, BaseEdges / 8);

    public static int Slot(RelationshipType type, Direction direction) => (int)type * 2 + (int)direction;

    /// <summary>The slot of the same type the other way: it lists the same edges from their other ends.</summary>
    public static int Reverse(int slot) => slot ^ 1;

    // The offsets of a slot without rows: none of its nodes is in range.
    private static readonly int[] NoRows = [0];

    private Adjacency(int[][] offsets, int[] lows, int[][] targets, Dictionary<int, int[]>?[] overlay, int baseNodes, long baseEdges, int overlayEdges)
    {
        (_offsets, _lows, _targets, _overlay, BaseNodes, BaseEdges, OverlayEdges) = (offsets, lows, targets, overlay, baseNodes, baseEdges, overlayEdges);
    }

    /// <summary>Where <paramref name="node"/>'s row sits among the slot's offsets, or -1 when it has none there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int At(int slot, int node)
    {
        var at = node - _lows[slot];
        return (uint)at < (uint)(_offsets[slot].Length - 1) ? at : -1;
    }

    /// <summary>Builds the rows from parallel arrays of edges (source node, type, target node), each stored once.</summary>
    public static Adjacency Build(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<byte> types, ReadOnlySpan<int> targets)
    {
        var offsets = new int[SlotCount][];
        var rows = new int[SlotCount][];
        var counts = new int[SlotCount];
        var lows = new int[SlotCount];
        var highs = new int[SlotCount];
        Array.Fill(lows, int.MaxValue);
        for (var i = 0; i < types.Length; i++)
        {
            int outSlot = types[i] * 2, inSlot = outSlot + 1;
            counts[outSlot]++;
            counts[inSlot]++;
            (lows[outSlot], highs[outSlot]) = (Math.Min(lows[outSlot], sources[i]), Math.Max(highs[outSlot], sources[i] + 1));
            (lows[inSlot], highs[inSlot]) = (Math.Min(lows[inSlot], targets[i]), Math.Max(highs[inSlot], targets[i] + 1));
        }
        for (var s = 0; s < SlotCount; s++)
        {
            if (counts[s] == 0) (lows[s], highs[s]) = (0, 0);
            offsets[s] = counts[s] > 0 ? new int[highs[s] - lows[s] + 1] : NoRows;
            rows[s] = new int[counts[s]];
        }
        // Count per node, turn counts into starts, then place. Each node's start serves as its next free place while
        // placing, which leaves it at the node's end, that is the next node's start: shifting by one restores the starts
        // without a second array per slot (73 MB at a million people).
        for (var i = 0; i < types.Length; i++)
        {
            int outSlot = types[i] * 2, inSlot = outSlot + 1;
            offsets[outSlot][sources[i] - lows[outSlot] + 1]++;
            offsets[inSlot][targets[i] - lows[inSlot] + 1]++;
        }
        for (var s = 0; s < SlotCount; s++)
        {
            var o = offsets[s];
            for (var n = 0; n + 1 < o.Length; n++) o[n + 1] += o[n];
        }
        for (var i = 0; i < types.Length; i++)
        {
            int outSlot = types[i] * 2, inSlot = outSlot + 1;
            rows[outSlot][offsets[outSlot][sources[i] - lows[outSlot]]++] = targets[i];
            rows[inSlot][offsets[inSlot][targets[i] - lows[inSlot]]++] = sources[i];
        }
        for (var s = 0; s < SlotCount; s++)
        {
            if (counts[s] == 0) continue;
            var o = offsets[s];
            o.AsSpan(0, o.Length - 1).CopyTo(o.AsSpan(1));
            o[0] = 0;
            for (var n = 0; n + 1 < o.Length; n++)
                if (o[n + 1] - o[n] > 1) Array.Sort(rows[s], o[n], o[n + 1] - o[n]);
        }
        return new Adjacency(offsets, lows, rows, new Dictionary<int, int[]>?[SlotCount], nodeCount, types.Length, 0);
    }

    public static Adjacency Empty => Build(0, [], [], []);

    /// <summary>
    /// Rows read back from a snapshot, checked to be well formed: each slot's range within the base nodes, offsets
    /// rising to the row's end, targets in range.
    /// </summary>
    public static Adjacency FromParts(AdjacencyParts parts)
    {
        var (offsets, lows, targets, baseNodes) = parts;
        if (offsets.Length != SlotCount || lows.Length != SlotCount || targets.Length != SlotCount)
            throw new InvalidDataException($"Adjacency needs {SlotCount} slots.");
        (offsets, lows) = ((int[][])offsets.Clone(), (int[])lows.Clone());
        long edges = 0;
        for (var s = 0; s < SlotCount; s++)
        {
            var (o, t, low) = (offsets[s], targets[s], lows[s]);
            if (o.Length == 0 || low < 0 || (long)low + o.Length - 1 > baseNodes || o[0] != 0 || o[^1] != t.Length)
                throw new InvalidDataException($"Adjacency slot {s} has offsets that do not fit its rows.");
            for (var n = 0; n + 1 < o.Length; n++)
                if (o[n + 1] < o[n]) throw new InvalidDataException($"Adjacency slot {s} has falling offsets at node {low + n}.");
            foreach (var target in t)
                if ((uint)target >= (uint)baseNodes) throw new InvalidDataException($"Adjacency slot {s} names node {target} of {baseNodes}.");
            if (t.Length == 0) (offsets[s], lows[s]) = (NoRows, 0);
            if (s % 2 == 0) edges += t.Length;
        }
        return new Adjacency(offsets, lows, targets, new Dictionary<int, int[]>?[SlotCount], baseNodes, edges, 0);
    }

    /// <summary>The rows as they are, for the snapshot; null while there are overlay edges, which are merged on the way out instead.</summary>
    public AdjacencyParts? Parts() => OverlayEdges == 0 ? new AdjacencyParts([.. _offsets], [.. _lows], _targets, BaseNodes) : null;

    /// <summary>Whether two versions give every node the same neighbours in every slot, wherever each keeps them.</summary>
    public bool SameAs(Adjacency other, int nodeCount)
    {
        for (var s = 0; s < SlotCount; s++)
            for (var n = 0; n < nodeCount; n++)
                if (!Merged(s, n).AsSpan().SequenceEqual(other.Merged(s, n))) return false;
        return true;
    }

    /// <summary>A node's neighbours in a slot, the compressed part and the overlay together, in order.</summary>
    public int[] Merged(int slot, int node)
    {
        Neighbours(slot, node, out var rows, out var recent);
        if (recent.IsEmpty) return rows.ToArray();
        int[] all = [.. rows, .. recent];
        Array.Sort(all);
        return all;
    }

    /// <summary>The neighbours of <paramref name="node"/> in a slot: the compressed part and the overlay part.</summary>
    public void Neighbours(int slot, int node, out ReadOnlySpan<int> rows, out ReadOnlySpan<int> recent)
    {
        if (At(slot, node) is var at and >= 0)
        {
            var o = _offsets[slot];
            rows = _targets[slot].AsSpan(o[at], o[at + 1] - o[at]);
        }
        else rows = default;
        recent = _overlay[slot] is { } overlay && overlay.TryGetValue(node, out var extra) ? extra : default;
    }

    /// <summary>
    /// Where <paramref name="neighbour"/> sits in the built rows of a slot (an index into that slot's one targets
    /// array), or -1 when the edge is not in them (absent, or added to the overlay since). Tables kept alongside the
    /// rows (<see cref="EdgeRoles"/>) are indexed by it.
    /// </summary>
    public int BaseRowIndex(int slot, int node, int neighbour)
    {
        if (At(slot, node) is not (var i and >= 0)) return -1;
        var o = _offsets[slot];
        // Searched as a span: Array.BinarySearch compares through an interface call per step.
        var at = _targets[slot].AsSpan(o[i], o[i + 1] - o[i]).BinarySearch(neighbour);
        return at >= 0 ? o[i] + at : -1;
    }

    /// <summary>Whether both versions read the same built rows (no compaction between them).</summary>
    public bool SharesRowsWith(Adjacency other) => ReferenceEquals(_targets, other._targets);

    /// <summary>
    /// One slot's compressed rows and overlay as they are, for walks that scan most of the graph and cannot afford a
    /// call per node. The arrays belong to this immutable version and must not be written.
    /// </summary>
    public (int[] Offsets, int Low, int[] Targets, IReadOnlyDictionary<int, int[]>? Recent) Slice(int slot) =>
        (_offsets[slot], _lows[slot], _targets[slot], _overlay[slot]);

    /// <summary>Asks for where a node's row starts (<see cref="CacheHint"/>), ahead of <see cref="PrefetchRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchStart(int slot, int node)
    {
        if (At(slot, node) is var at and >= 0) CacheHint.Prefetch(_offsets[slot], at);
    }

    /// <summary>Asks for the start of a node's row; reads where it starts, which an earlier <see cref="PrefetchStart"/> brought.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchRow(int slot, int node)
    {
        if (At(slot, node) is var at and >= 0) CacheHint.Prefetch(_targets[slot], _offsets[slot][at]);
    }

    public int Degree(int slot, int node)
    {
        Neighbours(slot, node, out var rows, out var recent);
        return rows.Length + recent.Length;
    }

    public bool HasEdge(RelationshipType type, int source, int target)
    {
        Neighbours(Slot(type, Direction.Out), source, out var rows, out var recent);
        return rows.BinarySearch(target) >= 0 || recent.Contains(target);
    }

    /// <summary>A version with the given new edges (none of them already present) added to the overlay.</summary>
    public Adjacency With(IReadOnlyList<(int Source, RelationshipType Type, int Target)> created, int nodeCount)
    {
        if (created.Count == 0) return this;
        if (OverlayEdges + created.Count > OverlayLimit) return Compact(created, nodeCount);
        var overlay = (Dictionary<int, int[]>?[])_overlay.Clone();
        var copied = new bool[SlotCount];
        foreach (var (source, type, target) in created)
        {
            Append(Slot(type, Direction.Out), source, target);
            Append(Slot(type, Direction.In), target, source);
        }
        return new Adjacency(_offsets, _lows, _targets, overlay, BaseNodes, BaseEdges, OverlayEdges + created.Count);

        void Append(int slot, int node, int neighbour)
        {
            if (!copied[slot])
            {
                overlay[slot] = overlay[slot] is { } old ? new Dictionary<int, int[]>(old) : [];
                copied[slot] = true;
            }
            var map = overlay[slot]!;
            map[node] = map.TryGetValue(node, out var list) ? [.. list, neighbour] : [neighbour];
        }
    }

    private Adjacency Compact(IReadOnlyList<(int Source, RelationshipType Type, int Target)> created, int nodeCount)
    {
        var total = checked((int)BaseEdges + OverlayEdges + created.Count);
        var sources = new int[total];
        var types = new byte[total];
        var targets = new int[total];
        var n = 0;
        for (var t = 0; t < TypeCount; t++)
        {
            var slot = Slot((RelationshipType)t, Direction.Out);
            for (var node = 0; node < nodeCount; node++)
            {
                Neighbours(slot, node, out var rows, out var recent);
                foreach (var target in rows) { sources[n] = node; types[n] = (byte)t; targets[n++] = target; }
                foreach (var target in recent) { sources[n] = node; types[n] = (byte)t; targets[n++] = target; }
            }
        }
        foreach (var (source, type, target) in created) { sources[n] = source; types[n] = (byte)type; targets[n++] = target; }
        return Build(nodeCount, sources, types, targets);
    }

    /// <summary>Bytes held by the rows and the overlay's arrays (not counting dictionary overhead).</summary>
    public long ApproximateBytes =>
        _offsets.Distinct().Sum(o => (long)o.Length * sizeof(int)) + _targets.Sum(t => (long)t.Length * sizeof(int)) + OverlayEdges * 2L * sizeof(int);
}
