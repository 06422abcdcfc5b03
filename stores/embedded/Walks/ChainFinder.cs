using System.Runtime.CompilerServices;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Shortest co-star chains on the person-film graph (person → film over the chosen types' out rows, film → person
/// over their in rows). A bidirectional breadth-first search grows the smaller frontier a whole layer at a time
/// until the two meet; their distances then say which nodes lie on a shortest chain, and chains are read off in
/// <see cref="Traversal.ChainOrder"/> by a depth-first walk that takes neighbours least id first (ids compared as
/// <see cref="IdOrder"/> ranks).
/// A path is returned as node indexes: person, film, person, ..., person.
/// </summary>
internal sealed class ChainFinder : IDisposable
{
    private readonly GraphIndex _graph;
    private readonly ChainQuery _query;
    private readonly int[] _personToFilm;
    private readonly int[] _filmToPerson;
    private readonly HashSet<int>? _excluded;
    private readonly Scratch _s;
    private readonly SearchSide _a, _b;
    private readonly CancellationToken _ct;
    private readonly IdOrder _order;
    private readonly bool _filtered;

    // Whether a node's built row lists its neighbours least id first: one via type, and node numbers that compare as
    // ids (IdOrder.NumbersInOrder) for every node the rows hold.
    private readonly bool _rowsInIdOrder;

    // Asked of each node a search has not seen, when the query excludes nodes or years; null when it does not.
    private readonly Func<int, bool>? _allowed;
    private bool _grewALast;

    // Where in its layer the last growth stopped when the searches met, for completing that layer.
    private int _stoppedAt;

    // The neighbour entries of the layer the last growth scanned: the side was chosen by their sum, taken whole.
    private long _grownLayerCost;

    // Whether every layer of the end's side is exact.
    private bool _endExact;

    // How many neighbour entries completing the end's last layer may scan. Most completions scan a few hundred; the few
    // that would scan many thousands cost more than the dead ends they spare (at L, unbounded: p50 0.025 ms, p99 1.26
    // ms; bounded at 4,096: p50 0.025, p99 0.30, as before completing). Interleaved in one process against 4,096, 1,024
    // was as fast at p50 and faster beyond (mean -7 % at L, -11 % at M; p99 -7 %, -14 %); a budget of what the search
    // itself scanned, or half that, was slower at L's p50 (+21 %, +49 %).
    private readonly int _completionBudget;

    public const int DefaultCompletionBudget = 1024;

    public ChainFinder(GraphIndex graph, ChainQuery query, CancellationToken ct, int completionBudget = DefaultCompletionBudget)
    {
        _completionBudget = completionBudget;
        _graph = graph;
        _query = query;
        _ct = ct;
        (_personToFilm, _filmToPerson) = (Slots(query.Via, Direction.Out), Slots(query.Via, Direction.In));
        if (query.ExcludeFilms.Count + query.ExcludePeople.Count > 0)
        {
            _excluded = [];
            foreach (var id in query.ExcludeFilms.Concat(query.ExcludePeople))
                if (graph.Nodes.IndexOf(id) is var n and >= 0) _excluded.Add(n);
        }
        _filtered = _excluded is { Count: > 0 } || query.HasYearFilter;
        if (_filtered) _allowed = Allowed;
        _order = graph.Order ?? IdOrder.Build(graph.Nodes);
        _rowsInIdOrder = _order.NumbersInOrder && graph.Adjacency.BaseNodes <= _order.Count && _personToFilm.Length == 1;
        _s = Scratch.Rent(graph.NodeCount);
        (_a, _b) = (_s.SideA, _s.SideB);
    }

    // The slots of each single type, the usual via, made once: a query then allocates none.
    private static readonly int[][] SingleSlots = [.. Enumerable.Range(0, Adjacency.SlotCount).Select(slot => new[] { slot })];

    /// <summary>The slots of the distinct via types in one direction, in the order given.</summary>
    private static int[] Slots(IReadOnlyList<RelationshipType> via, Direction direction)
    {
        if (via.Count == 1) return SingleSlots[Adjacency.Slot(via[0], direction)];
        var slots = new List<int>(via.Count);
        foreach (var type in via)
            if (!slots.Contains(Adjacency.Slot(type, direction))) slots.Add(Adjacency.Slot(type, direction));
        return [.. slots];
    }

    public void Dispose()
    {
        _a.Clear();
        _b.Clear();
        _s.Dispose();
    }

    /// <summary>The least <paramref name="first"/> shortest paths from <paramref name="a"/> to <paramref name="b"/>; empty when none is within the bound.</summary>
    public List<int[]> Paths(int a, int b, int first)
    {
        if (a == b) return [[a]];
        if (!Meet(a, b, out var depthA, out var depthB)) return [];
        // When the end's side met the start's, its last layer is grown to its end if that is cheap: every layer the end's
        // side holds is then exact, and the walk from the meeting layer on never meets a dead end. That layer was the
        // cheaper to grow and is usually mostly grown already; the start's side's layers, often large, are never completed.
        _endExact = _grewALast;
        if (!_endExact && CompletionFits(_b, depthB - 1))
        {
            Complete(_b, _a, depthB - 1);
            _endExact = true;
        }
        var results = new List<int[]>();
        var path = new int[depthA + depthB + 1];
        path[0] = a;
        Enumerate(path, 0, depthA, first, results);
        return results;
    }

    /// <summary>The number of films on a shortest chain, or null.</summary>
    public int? Distance(int a, int b)
    {
        if (a == b) return 0;
        return Meet(a, b, out var depthA, out var depthB) ? (depthA + depthB) / 2 : null;
    }

    /// <summary>
    /// The number of shortest paths from <paramref name="a"/> to <paramref name="b"/> (as sequences of nodes), or
    /// null when none is within the bound; saturates at <see cref="long.MaxValue"/>. Each side counts the shortest
    /// paths from its end to every node of its layers, one layer from the last (paths to a node are the sum of the
    /// paths to its neighbours one layer back); every shortest path crosses the meeting layer at exactly one node, so
    /// the total is the sum over meeting nodes of the product of the two sides' counts. No path is listed.
    /// </summary>
    public long? Count(int a, int b)
    {
        if (a == b) return 1;
        if (!Meet(a, b, out var depthA, out var depthB, complete: true)) return null;
        var fromA = PathsToLayer(_a, depthA);
        var fromB = PathsToLayer(_b, depthB);
        long total = 0;
        foreach (var (node, paths) in fromA)
            if (_b.At(node, depthB) && fromB.TryGetValue(node, out var other))
                total = SaturatingAdd(total, SaturatingMultiply(paths, other));
        return total;
    }

    /// <summary>Shortest paths from a search's start to each node of its layer <paramref name="last"/>, one layer at a time.</summary>
    private Dictionary<int, long> PathsToLayer(SearchSide side, int last)
    {
        var paths = new Dictionary<int, long> { [side.Node(0)] = 1 };
        var adjacency = _graph.Adjacency;
        for (var depth = 0; depth < last; depth++)
        {
            _ct.ThrowIfCancellationRequested();
            var next = new Dictionary<int, long>(side.End(depth + 1) - side.Start(depth + 1));
            var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
            foreach (var (node, count) in paths)
                for (var k = 0; k < slots.Length; k++)
                {
                    adjacency.Neighbours(slots[k], node, out var rows, out var recent);
                    Add(rows, k, node, count);
                    Add(recent, k, node, count);
                }
            paths = next;

            void Add(ReadOnlySpan<int> neighbours, int k, int node, long count)
            {
                foreach (var y in neighbours)
                {
                    if (!side.At(y, depth + 1) || LinkedEarlier(slots, k, node, y)) continue;
                    next[y] = SaturatingAdd(next.GetValueOrDefault(y), count);
                }
            }
        }
        return paths;
    }

    /// <summary>Whether a slot before <paramref name="k"/> links the two already: a person both cast in and directing a film is one step.</summary>
    private bool LinkedEarlier(int[] slots, int k, int node, int neighbour)
    {
        for (var j = 0; j < k; j++)
        {
            _graph.Adjacency.Neighbours(slots[j], node, out var rows, out var recent);
            if (rows.BinarySearch(neighbour) >= 0 || recent.Contains(neighbour)) return true;
        }
        return false;
    }

    private static long SaturatingAdd(long x, long y) => x > long.MaxValue - y ? long.MaxValue : x + y;

    private static long SaturatingMultiply(long x, long y) => y != 0 && x > long.MaxValue / y ? long.MaxValue : x * y;

    /// <summary>
    /// Grows the two searches until they first share a node; false when the bound is reached first. When
    /// <paramref name="complete"/>, the layer in which they meet is grown to its end, so that every layer either side
    /// holds is exact and every node where they meet is known (a count needs them all; a single chain does not).
    /// </summary>
    private bool Meet(int a, int b, out int depthA, out int depthB, bool complete = false)
    {
        _a.Begin(_graph.NodeCount, a);
        _b.Begin(_graph.NodeCount, b);
        depthA = depthB = 0;
        var maxEdges = _query.MaxHops * 2;
        var costA = new Cost(_a, 0);
        var costB = new Cost(_b, 0);
        while (_a.End(depthA) > _a.Start(depthA) && _b.End(depthB) > _b.Start(depthB) && depthA + depthB < maxEdges)
        {
            var growA = Cheaper(ref costA, ref costB);
            (_grewALast, _grownLayerCost) = (growA, growA ? costA.Sum : costB.Sum);
            if (growA)
            {
                var met = Grow(_a, _b, depthA, complete);
                depthA++;
                if (met) return true;
                costA = new Cost(_a, depthA);
            }
            else
            {
                var met = Grow(_b, _a, depthB, complete);
                depthB++;
                if (met) return true;
                costB = new Cost(_b, depthB);
            }
        }
        return false;
    }

    /// <summary>
    /// The cost of growing one side's last layer: the neighbour entries it would scan, summed node by node only as far
    /// as the choice needs. A layer that just grew large is usually never grown (the other side meets it next), so
    /// its sum is taken no further than the other side's.
    /// </summary>
    private struct Cost(SearchSide side, int depth)
    {
        public readonly SearchSide Side = side;
        public readonly int Depth = depth;
        public int Next = side.Start(depth);
        public long Sum;

        public readonly bool Done => Next == Side.End(Depth);

        /// <summary>
        /// The least the whole sum can be: every node past the start was reached over a via relationship, which its own
        /// row in the walk's next direction lists too (the via types join people to films), so each node not yet summed
        /// adds at least one. The start's row may be empty.
        /// </summary>
        public readonly long AtLeast => Depth == 0 ? Sum : Sum + (Side.End(Depth) - Next);
    }

    /// <summary>
    /// Whether A's last layer costs no more than B's (the side to grow), as if both sums were taken whole: a side is
    /// chosen once its whole sum is at most the least the other's can be. A layer of more nodes than the other's
    /// entries is then passed over without reading a degree: each is a wait for memory, and in a profile at L the
    /// degrees read here were a third of a chain's samples, about as many as growing the layer chosen.
    /// </summary>
    private bool Cheaper(ref Cost a, ref Cost b)
    {
        while (true)
        {
            if (a.Done && a.Sum <= b.AtLeast) return true;
            if (b.Done && b.Sum < a.AtLeast) return false;
            if (!a.Done && (b.Done || a.AtLeast <= b.AtLeast)) Extend(ref a);
            else Extend(ref b);
        }
    }

    private void Extend(ref Cost cost)
    {
        var slots = cost.Depth % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        // The degree of a node a few ahead is asked for now, as Grow asks for rows: each is a wait for memory.
        if (cost.Next + FarAhead < cost.Side.End(cost.Depth)) adjacency.PrefetchStart(slots[0], cost.Side.Node(cost.Next + FarAhead));
        cost.Sum += Degree(slots, cost.Side.Node(cost.Next++));
    }

    /// <summary>A node's neighbour entries over the given slots: what growing from it scans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Degree(int[] slots, int node)
    {
        var degree = 0;
        foreach (var slot in slots) degree += _graph.Adjacency.Degree(slot, node);
        return degree;
    }

    /// <summary>
    /// Opens the side's next layer and fills it from layer <paramref name="depth"/>, stopping at the first node the
    /// other side has seen unless <paramref name="complete"/>; returns whether the two met.
    /// </summary>
    private bool Grow(SearchSide side, SearchSide other, int depth, bool complete)
    {
        var met = false;
        var (start, end) = (side.Start(depth), side.End(depth));
        side.OpenLayer();
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        for (var i = start; i < end; i++)
        {
            if (((i - start) & GraphWalks.CheckEvery) == 0) _ct.ThrowIfCancellationRequested();
            var node = side.Node(i);
            Ahead(adjacency, slots[0], side, i, end);
            foreach (var slot in slots)
            {
                adjacency.Neighbours(slot, node, out var rows, out var recent);
                met |= side.AddUnseen(rows, other, complete, _allowed) | side.AddUnseen(recent, other, complete, _allowed);
                if (met && !complete)
                {
                    _stoppedAt = i;
                    return true;
                }
            }
        }
        return met;
    }

    // How many nodes ahead a growing layer asks for where the first via type's row starts, and for the row itself
    // (CacheHint). Measured in alternating runs at L against no prefetch (separation p50 0.021 to 0.023 ms): 4 and 2
    // gave 0.011 to 0.019 ms; 8 and 4, 16 and 8 did no better than none in most runs.
    private const int FarAhead = 4;
    private const int NearAhead = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Ahead(Adjacency adjacency, int slot, SearchSide side, int i, int end)
    {
        if (i + FarAhead < end) adjacency.PrefetchStart(slot, side.Node(i + FarAhead));
        if (i + NearAhead < end) adjacency.PrefetchRow(slot, side.Node(i + NearAhead));
    }

    /// <summary>
    /// Whether growing the rest of the side's open layer, from the node where it stopped, scans no more than the
    /// completion budget: surely when the whole layer does. The side was chosen to grow by the sum of that layer's
    /// degrees taken whole (<see cref="Cheaper"/>), so the degrees read here were read then and cost no wait for memory.
    /// A completion that would pass the budget is not begun: begun and abandoned, it scanned a budget's worth of rows
    /// that the walk then did not use (at L about 10 µs, in a few percent of the chains of two films).
    /// </summary>
    private bool CompletionFits(SearchSide side, int depth)
    {
        if (_grownLayerCost <= _completionBudget) return true;
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        long entries = 0;
        for (var i = _stoppedAt; i < side.End(depth); i++)
            if ((entries += Degree(slots, side.Node(i))) > _completionBudget) return false;
        return true;
    }

    /// <summary>Grows the side's open layer from layer <paramref name="depth"/> to its end, from the node where it stopped.</summary>
    private void Complete(SearchSide side, SearchSide other, int depth)
    {
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        var end = side.End(depth);
        for (var i = _stoppedAt; i < end; i++)
        {
            if (((i - _stoppedAt) & GraphWalks.CheckEvery) == 0) _ct.ThrowIfCancellationRequested();
            Ahead(adjacency, slots[0], side, i, end);
            foreach (var slot in slots)
            {
                adjacency.Neighbours(slot, side.Node(i), out var rows, out var recent);
                side.AddUnseen(rows, other, complete: true, _allowed);
                side.AddUnseen(recent, other, complete: true, _allowed);
            }
        }
    }

    private bool Allowed(int node)
    {
        if (_excluded?.Contains(node) == true) return false;
        if (!_query.HasYearFilter || _graph.Nodes.Kind(node) != NodeKind.Film) return true;
        return _query.FilmYearAllowed(_graph.Nodes.Year(node));
    }

    /// <summary>
    /// Depth-first from the start, least id first, so chains come out least first. The searches stop at the first
    /// meeting, so only the layer that was growing may be incomplete (<see cref="Paths"/> completes the end's when it
    /// can); every other layer is exact. Before the meeting layer a node qualifies by its distance from the start; past
    /// it, by its distance from the end, which guarantees the chain completes. At the meeting layer itself: by the end's
    /// distances when they are exact, else by the start's, the next step deciding. A node that leads to no chain is remembered as
    /// a dead end, so no part of the search is repeated. Returns whether a chain was found through <c>path[k]</c>.
    /// <para>
    /// Ids compare as ranks (<see cref="IdOrder"/>). The least qualifying neighbour is found in one pass with no
    /// sorting, which is all a single chain needs when that neighbour leads on (the usual case); only when it does
    /// not, or more chains are wanted, are the rest of the candidates sorted, once per node.
    /// </para>
    /// </summary>
    private bool Enumerate(int[] path, int k, int depthA, int first, List<int[]> results)
    {
        var d = path.Length - 1;
        if (k == d)
        {
            results.Add((int[])path.Clone());
            return true;
        }
        _ct.ThrowIfCancellationRequested();
        var next = k + 1;
        var candidates = _s.Candidates(k);
        candidates.Clear();
        var slots = k % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        // Every candidate lies in one layer of one search. Past a hub (a film with a large cast, a person in hundreds
        // of films) that layer is often far smaller than the neighbour list: then look each of its nodes up in the
        // hub's sorted rows instead of reading them all.
        var byEnd = next > depthA || (next == depthA && _endExact);
        var layer = byEnd ? _b.Layer(d - next) : _a.Layer(next);
        var degree = Degree(slots, path[k]);
        if (_rowsInIdOrder && (long)layer.Length * 16 >= degree)
        {
            adjacency.Neighbours(slots[0], path[k], out var row, out var added);
            if (added.IsEmpty)
            {
                // The row is in id order, so candidates are tried as they come: the first that leads on is the least
                // chain's step, and the rest of the row is never read. A node found dead meanwhile fails Qualifies.
                var any = false;
                foreach (var y in row)
                {
                    if (!Qualifies(y)) continue;
                    path[next] = y;
                    if (Enumerate(path, next, depthA, first, results)) any = true;
                    if (results.Count >= first) return true;
                }
                return Dead(any);
            }
        }
        if ((long)layer.Length * 16 < degree)
        {
            foreach (var y in layer)
                if (Qualifies(y) && Linked(path[k], y)) candidates.Add(y);
        }
        else
        {
            foreach (var slot in slots)
            {
                adjacency.Neighbours(slot, path[k], out var rows, out var recent);
                Add(rows); Add(recent);
            }
        }
        if (candidates.Count == 0) return Dead(false);

        var least = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
            if (_order.Compare(candidates[i], least) < 0) least = candidates[i];
        path[next] = least;
        var found = Enumerate(path, next, depthA, first, results);
        if (results.Count >= first) return true;

        // A person linked to a film by two via types is listed twice: sorted, the copies sit together.
        candidates.Sort(_order);
        var previous = least;
        foreach (var y in candidates)
        {
            if (y == previous || _order.Compare(y, least) <= 0) continue;
            previous = y;
            path[next] = y;
            if (Enumerate(path, next, depthA, first, results)) found = true;
            if (results.Count >= first) return true;
        }
        return Dead(found);

        bool Dead(bool found)
        {
            if (!found && k > 0 && k <= depthA) _a.MarkDead(path[k]);
            return found;
        }

        void Add(ReadOnlySpan<int> neighbours)
        {
            foreach (var y in neighbours)
                if (Qualifies(y)) candidates.Add(y);
        }

        bool Qualifies(int y)
        {
            return byEnd ? _b.At(y, d - next) : _a.At(y, next) && !_a.IsDead(y);
        }

        // Whether x (a hub) and y are joined, looked up in the shorter of the two rows: y's, searched from its side (a
        // slot's reverse lists the same edges), is usually both short and in the cache, read when y's layer grew; the
        // hub's is long and cold. Interleaved in one process against the hub's row alone: L p50 -5 to -6 % (faster in
        // 14 and 15 of 16 rounds), M -5 % (24 of 30).
        bool Linked(int x, int y)
        {
            foreach (var slot in slots)
            {
                adjacency.Neighbours(Adjacency.Reverse(slot), y, out var back, out var backRecent);
                if (back.Length + backRecent.Length < degree)
                {
                    if (back.BinarySearch(x) >= 0 || backRecent.Contains(x)) return true;
                    continue;
                }
                adjacency.Neighbours(slot, x, out var rows, out var recent);
                if (rows.BinarySearch(y) >= 0 || recent.Contains(y)) return true;
            }
            return false;
        }
    }
}
