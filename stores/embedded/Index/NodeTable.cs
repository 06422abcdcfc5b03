using System.Collections.Concurrent;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Every node's id, kind, label (name or title) and year (born or released), by dense index (the SQLite seq - 1).
/// Versions share their arrays: a write appends beyond the count an older version reads up to, so readers of an
/// older version never see a half-written node. A change to a node a version already holds is written into
/// copies of the label, year and alias tables, never in place, because those are three separate writes and a query
/// running meanwhile could read a new label beside an old year.
/// </summary>
internal sealed class NodeTable
{
    public const int NoYear = int.MinValue;

    private readonly string[] _ids;
    private readonly string[] _labels;
    private readonly byte[] _kinds;
    private readonly int[] _years;
    private readonly ConcurrentDictionary<string, int> _byId;
    private readonly ConcurrentDictionary<int, string[]> _aliases;

    public int Count { get; }

    private NodeTable(string[] ids, string[] labels, byte[] kinds, int[] years,
        ConcurrentDictionary<string, int> byId, ConcurrentDictionary<int, string[]> aliases, int count)
    {
        (_ids, _labels, _kinds, _years, _byId, _aliases, Count) = (ids, labels, kinds, years, byId, aliases, count);
    }

    public static NodeTable Empty(int capacity = 1024) =>
        new(new string[capacity], new string[capacity], new byte[capacity], new int[capacity],
            new ConcurrentDictionary<string, int>(Environment.ProcessorCount, capacity, StringComparer.Ordinal),
            new ConcurrentDictionary<int, string[]>(), 0);

    public string Id(int node) => _ids[node];
    public string Label(int node) => _labels[node];
    public NodeKind Kind(int node) => (NodeKind)_kinds[node];
    public int? Year(int node) => _years[node] == NoYear ? null : _years[node];
    public IReadOnlyList<string> Aliases(int node) => _aliases.TryGetValue(node, out var a) ? a : [];

    public int IndexOf(string id) => _byId.TryGetValue(id, out var i) && i < Count ? i : -1;

    public NodeKind? KindOf(string id) => IndexOf(id) is var i and >= 0 ? Kind(i) : null;

    public Person Person(int node) => new(_ids[node], _labels[node], Year(node), Aliases(node));
    public Film Film(int node) => new(_ids[node], _labels[node], Year(node));

    public bool IsSame(int node, Person p) =>
        Kind(node) == NodeKind.Person && _labels[node] == p.Name && Year(node) == p.Born && Aliases(node).SequenceEqual(p.Aliases);

    public bool IsSame(int node, Film f) => Kind(node) == NodeKind.Film && _labels[node] == f.Title && Year(node) == f.Year;

    /// <summary>
    /// A version with the given nodes appended (their indexes follow on from <see cref="Count"/>) and the given
    /// existing nodes changed. Only the single writer calls this.
    /// </summary>
    public NodeTable With(IReadOnlyList<NodeRow> appended, IReadOnlyList<NodeRow> changed)
    {
        var needed = Count + appended.Count;
        var (ids, labels, kinds, years, aliases) = (_ids, _labels, _kinds, _years, _aliases);
        if (changed.Count > 0)
        {
            labels = Grow(labels, Math.Max(needed, labels.Length));
            years = Grow(years, Math.Max(needed, years.Length));
            aliases = new ConcurrentDictionary<int, string[]>(aliases);
            foreach (var row in changed)
            {
                labels[row.Node] = row.Label;
                years[row.Node] = row.Year ?? NoYear;
                if (row.Aliases is { Length: > 0 } a) aliases[row.Node] = a;
                else aliases.TryRemove(row.Node, out _);
            }
        }
        if (needed > ids.Length)
        {
            var capacity = Math.Max(needed, ids.Length * 2);
            ids = Grow(ids, capacity); labels = Grow(labels, capacity); kinds = Grow(kinds, capacity); years = Grow(years, capacity);
        }
        for (var i = 0; i < appended.Count; i++)
        {
            var row = appended[i];
            var node = Count + i;
            ids[node] = row.Id;
            kinds[node] = (byte)row.Kind;
            labels[node] = row.Label;
            years[node] = row.Year ?? NoYear;
            if (row.Aliases is { Length: > 0 } a) aliases[node] = a;
        }
        // Only now may an id lead to its node: until this version is published, older ones ignore it by count.
        for (var i = 0; i < appended.Count; i++) _byId[appended[i].Id] = Count + i;
        return new NodeTable(ids, labels, kinds, years, _byId, aliases, needed);
    }

    private static T[] Grow<T>(T[] array, int capacity)
    {
        var bigger = new T[capacity];
        Array.Copy(array, bigger, array.Length);
        return bigger;
    }
}

/// <summary>A node as stored: for a person the label is the name and the year the birth year.</summary>
internal readonly record struct NodeRow(int Node, string Id, NodeKind Kind, string Label, int? Year, string[]? Aliases)
{
    public static NodeRow Of(Person p, int node) => new(node, p.Id, NodeKind.Person, p.Name, p.Born, p.Aliases.Count == 0 ? null : [.. p.Aliases]);
    public static NodeRow Of(Film f, int node) => new(node, f.Id, NodeKind.Film, f.Title, f.Year, null);
}
