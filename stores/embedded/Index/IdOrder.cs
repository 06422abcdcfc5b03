namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Every node's place among all ids in ordinal string order, so that the chain order (<c>Traversal.ChainOrder</c>,
/// which compares ids with <see cref="string.CompareOrdinal(string, string)"/>) is an integer comparison. Node numbers
/// follow the file's insertion order, not id order, hence the separate ranks. Ranks cover the nodes present when
/// they were built; nodes appended since compare by their ids, which is the same order, only slower.
/// <para>
/// <see cref="Ranks"/> is a plain array of node count entries (distinct values 0..count-1), to be persisted as it is.
/// </para>
/// </summary>
internal sealed class IdOrder : IComparer<int>
{
    private NodeTable? _nodes;

    public IdOrder(int[] ranks) : this(ranks, IsIdentity(ranks)) { }

    private IdOrder(int[] ranks, bool numbersInOrder) => (Ranks, NumbersInOrder) = (ranks, numbersInOrder);

    public int[] Ranks { get; }

    /// <summary>
    /// Whether every rank is its node's own number (files listing records by id give that): rows, kept sorted by node
    /// number, are then in id order too, and the least id among a row's nodes is the first that qualifies.
    /// </summary>
    public bool NumbersInOrder { get; }

    /// <summary>Nodes covered: 0 to Count - 1.</summary>
    public int Count => Ranks.Length;

    public static IdOrder Build(NodeTable nodes)
    {
        var count = nodes.Count;
        // Files that list their records by id (IMDb's, people before films) give nodes already in id order: one pass
        // over the bytes tells, and the ranks are then the node numbers, with no string made or sorted.
        if (InIdOrder(nodes)) return new IdOrder([.. Enumerable.Range(0, count)], numbersInOrder: true) { _nodes = nodes };
        var ids = new string[count];
        var order = new int[count];
        for (var n = 0; n < count; n++) (ids[n], order[n]) = (nodes.Id(n), n);
        Array.Sort(ids, order, StringComparer.Ordinal);
        var ranks = new int[count];
        for (var r = 0; r < count; r++) ranks[order[r]] = r;
        return new IdOrder(ranks) { _nodes = nodes };
    }

    private static bool InIdOrder(NodeTable nodes)
    {
        for (var n = 1; n < nodes.Count; n++)
            if (nodes.CompareIds(n - 1, n) >= 0) return false;
        return true;
    }

    private static bool IsIdentity(int[] ranks)
    {
        for (var n = 0; n < ranks.Length; n++)
            if (ranks[n] != n) return false;
        return true;
    }

    /// <summary>The same ranks, comparing nodes beyond them through this version of the node table.</summary>
    public IdOrder For(NodeTable nodes) => new(Ranks, NumbersInOrder) { _nodes = nodes };

    /// <summary>Negative when node <paramref name="x"/>'s id comes before <paramref name="y"/>'s in ordinal order.</summary>
    public int Compare(int x, int y)
    {
        var ranks = Ranks;
        if ((uint)x < (uint)ranks.Length && (uint)y < (uint)ranks.Length) return NumbersInOrder ? x - y : ranks[x] - ranks[y];
        return string.CompareOrdinal(_nodes!.Id(x), _nodes.Id(y));
    }
}
