using System.Runtime.CompilerServices;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// The person-film graph of one set of <c>via</c> types on one index version, laid out for walks that touch most
/// of it: each side's rows straight from the adjacency arrays, a bit per node saying which nodes are films, and a
/// bit per node saying which nodes have overlay edges, so the overlay's dictionary is asked only about those.
/// Built once per index version and type set and cached beside the index.
/// </summary>
internal sealed class PersonFilmView
{
    private static readonly ConditionalWeakTable<GraphIndex, Dictionary<int, PersonFilmView>> Cache = [];

    /// <summary>Rows from people to their films (out-slots of the via types).</summary>
    public SlotRows[] ToFilm { get; }

    /// <summary>Rows from films to their people (in-slots of the via types).</summary>
    public SlotRows[] ToPerson { get; }

    /// <summary>A bit per node, set for films.</summary>
    public ulong[] FilmBits { get; }

    public int NodeCount { get; }

    /// <summary>Relationships of the via types: the sum of every person's degree, and of every film's.</summary>
    public long Edges { get; }

    public int Words => FilmBits.Length;

    private PersonFilmView(GraphIndex graph, IReadOnlyList<RelationshipType> via)
    {
        NodeCount = graph.NodeCount;
        var types = via.Distinct().Order().ToArray();
        var adjacency = graph.Adjacency;
        ToFilm = [.. types.Select(t => new SlotRows(adjacency, Adjacency.Slot(t, Direction.Out), NodeCount))];
        ToPerson = [.. types.Select(t => new SlotRows(adjacency, Adjacency.Slot(t, Direction.In), NodeCount))];
        Edges = ToFilm.Sum(r => r.Edges);
        FilmBits = new ulong[(NodeCount + 63) >> 6];
        var nodes = graph.Nodes;
        for (var n = 0; n < NodeCount; n++)
            if (nodes.Kind(n) == NodeKind.Film) FilmBits[n >> 6] |= 1UL << n;
    }

    public static PersonFilmView Of(GraphIndex graph, IReadOnlyList<RelationshipType> via)
    {
        var key = 0;
        foreach (var t in via) key |= 1 << (int)t;
        var views = Cache.GetValue(graph, _ => []);
        lock (views)
        {
            if (!views.TryGetValue(key, out var view)) views[key] = view = new PersonFilmView(graph, via);
            return view;
        }
    }

    public bool IsFilm(int node) => (FilmBits[node >> 6] & (1UL << node)) != 0;

    /// <summary>A node's degree on one side: the sum over the via types.</summary>
    public static int Degree(SlotRows[] side, int node)
    {
        var d = 0;
        foreach (var rows in side) d += rows.Degree(node);
        return d;
    }
}

/// <summary>One slot of the adjacency: the compressed rows, and the overlay with a bit per node that has entries in it.</summary>
internal sealed class SlotRows
{
    private readonly int[] _offsets;
    private readonly int[] _targets;

    // The nodes with rows here run from _low for _span nodes (Adjacency keeps offsets over them only).
    private readonly int _low, _span;
    private readonly IReadOnlyDictionary<int, int[]>? _recent;
    private readonly ulong[]? _recentBits;

    public long Edges { get; }

    public SlotRows(Adjacency adjacency, int slot, int nodeCount)
    {
        (_offsets, _low, _targets, _recent) = adjacency.Slice(slot);
        _span = _offsets.Length - 1;
        Edges = _targets.Length;
        if (_recent is { Count: > 0 } recent)
        {
            _recentBits = new ulong[(Math.Max(nodeCount, adjacency.BaseNodes) + 63) >> 6];
            foreach (var (node, extra) in recent)
            {
                _recentBits[node >> 6] |= 1UL << node;
                Edges += extra.Length;
            }
        }
        else _recent = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Rows(int node) =>
        node - _low is var at && (uint)at < (uint)_span ? _targets.AsSpan(_offsets[at], _offsets[at + 1] - _offsets[at]) : default;

    /// <summary>Overlay neighbours of a node: almost always none, found without a dictionary look-up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Recent(int node) =>
        _recentBits is { } bits && (bits[node >> 6] & (1UL << node)) != 0 && _recent!.TryGetValue(node, out var extra) ? extra : default;

    public int Degree(int node) => Rows(node).Length + Recent(node).Length;
}
