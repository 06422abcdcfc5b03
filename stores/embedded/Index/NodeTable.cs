using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Every node's id, kind, label (name or title) and year (born or released), by dense index (the SQLite seq - 1).
/// Ids and labels are UTF-8 in two <see cref="TextColumn"/>s and ids are found through an <see cref="IdHash"/>: a few
/// flat arrays rather than two strings and a dictionary entry per node, which at a million people was most of the
/// process. Versions share their arrays: a write appends beyond the count an older version reads up to, so readers of
/// an older version never see a half-written node. A change to a node a version already holds is written into
/// copies of the label, year and alias tables, never in place, because those are three separate writes and a query
/// running meanwhile could read a new label beside an old year.
/// </summary>
internal sealed class NodeTable
{
    public const int NoYear = int.MinValue;

    private readonly TextColumn _ids;
    private readonly TextColumn _labels;
    private readonly byte[] _kinds;
    private readonly int[] _years;
    private readonly IdHash _byId;
    private readonly ConcurrentDictionary<int, string[]> _aliases;

    public int Count { get; }

    private NodeTable(TextColumn ids, TextColumn labels, byte[] kinds, int[] years, IdHash byId, ConcurrentDictionary<int, string[]> aliases, int count)
    {
        (_ids, _labels, _kinds, _years, _byId, _aliases, Count) = (ids, labels, kinds, years, byId, aliases, count);
    }

    public static NodeTable Empty(int capacity = 1024) =>
        new(TextColumn.Empty(capacity, 10), TextColumn.Empty(capacity, 16), new byte[capacity], new int[capacity],
            new IdHash(new int[IdHash.SizeFor(capacity)]), new ConcurrentDictionary<int, string[]>(), 0);

    /// <summary>A table over arrays read back from a snapshot or filled by a loader; the id hash is built when not given.</summary>
    public static NodeTable FromParts(NodeTableParts parts)
    {
        var count = parts.Count;
        if (parts.Kinds.Length < count || parts.Years.Length != parts.Kinds.Length || !parts.Ids.Holds(count) || !parts.Labels.Holds(count))
            throw new InvalidDataException("The node table's parts disagree on the number of nodes.");
        var byId = parts.ById ?? IdHash.Build(parts.Ids, count, count);
        return new NodeTable(parts.Ids, parts.Labels, parts.Kinds, parts.Years, byId, new ConcurrentDictionary<int, string[]>(parts.Aliases), count);
    }

    /// <summary>The arrays of this version, trimmed to its count, for the snapshot.</summary>
    public NodeTableParts Parts() =>
        new(Count, _ids, _labels, _kinds, _years, _byId,
            _aliases.Where(a => a.Key < Count).ToDictionary(a => a.Key, a => a.Value));

    public string Id(int node) => _ids.Text(node);
    public ReadOnlySpan<byte> IdUtf8(int node) => _ids.Bytes(node);
    public string Label(int node) => _labels.Text(node);
    public ReadOnlySpan<byte> LabelUtf8(int node) => _labels.Bytes(node);
    public NodeKind Kind(int node) => (NodeKind)_kinds[node];
    public int? Year(int node) => _years[node] == NoYear ? null : _years[node];
    public IReadOnlyList<string> Aliases(int node) => _aliases.TryGetValue(node, out var a) ? a : [];

    public int IndexOf(string id) => _byId.Find(_ids, Count, id);

    /// <summary>Two nodes by id, found together (<see cref="IdHash"/>); -1 for an id not held.</summary>
    public (int A, int B) IndexOf(string a, string b) => _byId.Find(_ids, Count, a, b);

    /// <summary>
    /// Reads what making the nodes' objects reads first (where each id and label starts, the year) for all of them in
    /// one pass, before any is made. Nodes far apart in the table each cost the processor a wait for memory; read
    /// together, the waits overlap, where made one object after another they follow one another. Returns a sum of what
    /// it read, so that the reads are not left out.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Touch(ReadOnlySpan<int> nodes)
    {
        var sum = 0;
        foreach (var n in nodes) sum += _ids.Touch(n) + _labels.Touch(n) + _years[n];
        return sum;
    }

    public NodeKind? KindOf(string id) => IndexOf(id) is var i and >= 0 ? Kind(i) : null;

    /// <summary>
    /// Ids in ordinal (UTF-16) order without making strings. UTF-8 bytes sort by code point, which differs from UTF-16
    /// only where one side is U+E000..U+FFFF (lead byte EE or EF) and the other beyond U+FFFF (lead byte F0 or more).
    /// </summary>
    public int CompareIds(int a, int b)
    {
        ReadOnlySpan<byte> x = _ids.Bytes(a), y = _ids.Bytes(b);
        var at = x.CommonPrefixLength(y);
        if (at == x.Length || at == y.Length) return x.Length.CompareTo(y.Length);
        int p = x[at], q = y[at];
        if (p >= 0xEE && q >= 0xEE && (p >= 0xF0) != (q >= 0xF0)) return p >= 0xF0 ? -1 : 1;
        return p.CompareTo(q);
    }

    public Person Person(int node) => Person(node, Id(node));

    /// <summary>The person at <paramref name="node"/>, whose id the caller holds already (it found the node by it).</summary>
    public Person Person(int node, string id) => new(id, Label(node), Year(node), Aliases(node));
    public Film Film(int node) => new(Id(node), Label(node), Year(node));

    /// <summary>Whether the node holds what <paramref name="row"/> would write: kind, label, year and aliases (films have none).</summary>
    public bool IsSame(int node, in NodeRow row) =>
        Kind(node) == row.Kind && Label(node) == row.Label && Year(node) == row.Year && Aliases(node).SequenceEqual(row.Aliases ?? []);

    /// <summary>Bytes held by the table's arrays, counting unused capacity (not the alias dictionary).</summary>
    public long ApproximateBytes => _ids.ApproximateBytes + _labels.ApproximateBytes + _kinds.LongLength + _years.LongLength * sizeof(int) + _byId.ApproximateBytes;

    /// <summary>
    /// A version with the given nodes appended (their indexes follow on from <see cref="Count"/>) and the given
    /// existing nodes changed. Only the single writer calls this.
    /// </summary>
    public NodeTable With(IReadOnlyList<NodeRow> appended, IReadOnlyList<NodeRow> changed)
    {
        var needed = Count + appended.Count;
        var (labels, kinds, years, aliases) = (_labels, _kinds, _years, _aliases);
        if (changed.Count > 0)
        {
            var relabelled = new Dictionary<int, string>();
            foreach (var row in changed) relabelled[row.Node] = row.Label;
            labels = labels.Replacing(Count, relabelled, needed);
            years = Grow(years, Math.Max(needed, years.Length));
            aliases = new ConcurrentDictionary<int, string[]>(aliases);
            foreach (var row in changed)
            {
                years[row.Node] = row.Year ?? NoYear;
                if (row.Aliases is { Length: > 0 } a) aliases[row.Node] = a;
                else aliases.TryRemove(row.Node, out _);
            }
        }
        if (needed > kinds.Length)
        {
            var capacity = Math.Max(needed, kinds.Length * 2);
            kinds = Grow(kinds, capacity); years = Grow(years, capacity);
        }
        var ids = _ids.Append(Count, appended.Select(r => r.Id).ToList());
        labels = labels.Append(Count, appended.Select(r => r.Label).ToList());
        for (var i = 0; i < appended.Count; i++)
        {
            var row = appended[i];
            var node = Count + i;
            kinds[node] = (byte)row.Kind;
            years[node] = row.Year ?? NoYear;
            if (row.Aliases is { Length: > 0 } a) aliases[node] = a;
        }
        // Only now may an id lead to its node: until this version is published, older ones ignore it by count.
        var byId = _byId.With(ids, Count, needed);
        return new NodeTable(ids, labels, kinds, years, byId, aliases, needed);
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
