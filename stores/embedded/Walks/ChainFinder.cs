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
    private readonly HashSet<int> _excluded;
    private readonly Scratch _s;
    private readonly CancellationToken _ct;
    private readonly int _gen;
    private readonly List<List<int>> _layersA = [], _layersB = [];
    private readonly IdOrder _order;
    private readonly bool _filtered;
    private bool _grewALast;

    public ChainFinder(GraphIndex graph, ChainQuery query, CancellationToken ct)
    {
        _graph = graph;
        _query = query;
        _ct = ct;
        _personToFilm = query.Via.Distinct().Select(t => Adjacency.Slot(t, Direction.Out)).ToArray();
        _filmToPerson = query.Via.Distinct().Select(t => Adjacency.Slot(t, Direction.In)).ToArray();
        _excluded = [];
        foreach (var id in query.ExcludeFilms.Concat(query.ExcludePeople))
            if (graph.Nodes.IndexOf(id) is var n and >= 0) _excluded.Add(n);
        _filtered = _excluded.Count > 0 || query.HasYearFilter;
        _order = graph.Order ?? IdOrder.Build(graph.Nodes);
        _s = Scratch.Rent(graph.NodeCount);
        _gen = _s.Generation;
    }

    public void Dispose() => _s.Dispose();

    /// <summary>The least <paramref name="first"/> shortest paths from <paramref name="a"/> to <paramref name="b"/>; empty when none is within the bound.</summary>
    public List<int[]> Paths(int a, int b, int first)
    {
        if (a == b) return [[a]];
        if (!Meet(a, b, out var depthA, out var depthB)) return [];
        var results = new List<int[]>();
        var path = new int[depthA + depthB + 1];
        path[0] = a;
        Enumerate(path, 0, depthA, _grewALast, first, results);
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
        var s = _s;
        var fromA = PathsToLayer(_layersA, depthA, s.MarkA, s.DistA);
        var fromB = PathsToLayer(_layersB, depthB, s.MarkB, s.DistB);
        long total = 0;
        foreach (var (node, paths) in fromA)
            if (s.MarkB[node] == _gen && s.DistB[node] == depthB && fromB.TryGetValue(node, out var other))
                total = SaturatingAdd(total, SaturatingMultiply(paths, other));
        return total;
    }

    /// <summary>Shortest paths from a search's start to each node of its layer <paramref name="last"/>, one layer at a time.</summary>
    private Dictionary<int, long> PathsToLayer(List<List<int>> layers, int last, int[] mark, int[] dist)
    {
        var paths = new Dictionary<int, long> { [layers[0][0]] = 1 };
        var adjacency = _graph.Adjacency;
        for (var depth = 0; depth < last; depth++)
        {
            _ct.ThrowIfCancellationRequested();
            var next = new Dictionary<int, long>(layers[depth + 1].Count);
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
                    if (mark[y] != _gen || dist[y] != depth + 1 || LinkedEarlier(slots, k, node, y)) continue;
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
        var s = _s;
        s.MarkA[a] = _gen; s.DistA[a] = 0;
        s.MarkB[b] = _gen; s.DistB[b] = 0;
        List<int> frontA = [a], frontB = [b];
        _layersA.Add(frontA);
        _layersB.Add(frontB);
        depthA = depthB = 0;
        var maxEdges = _query.MaxHops * 2;
        while (frontA.Count > 0 && frontB.Count > 0 && depthA + depthB < maxEdges)
        {
            // Grow the side whose next layer costs less to find: fewer neighbour entries to scan.
            var growA = Cost(frontA, depthA) <= Cost(frontB, depthB);
            _grewALast = growA;
            if (growA)
            {
                var met = Grow(ref frontA, depthA, s.MarkA, s.DistA, s.MarkB, complete);
                _layersA.Add(frontA);
                depthA++;
                if (met) return true;
            }
            else
            {
                var met = Grow(ref frontB, depthB, s.MarkB, s.DistB, s.MarkA, complete);
                _layersB.Add(frontB);
                depthB++;
                if (met) return true;
            }
        }
        return false;
    }

    private long Cost(List<int> frontier, int depth)
    {
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        long cost = 0;
        foreach (var node in frontier)
            foreach (var slot in slots) cost += _graph.Adjacency.Degree(slot, node);
        return cost;
    }

    /// <summary>
    /// Replaces the frontier with its next layer, stopping at the first node the other search has seen unless
    /// <paramref name="complete"/>; returns whether the two met.
    /// </summary>
    private bool Grow(ref List<int> frontier, int depth, int[] mark, int[] dist, int[] otherMark, bool complete)
    {
        var met = false;
        var next = new List<int>();
        var layer = frontier;
        frontier = next;
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        for (var i = 0; i < layer.Count; i++)
        {
            if ((i & GraphWalks.CheckEvery) == 0) _ct.ThrowIfCancellationRequested();
            var node = layer[i];
            foreach (var slot in slots)
            {
                adjacency.Neighbours(slot, node, out var rows, out var recent);
                if (Visit(rows) || Visit(recent)) return true;
            }
        }
        return met;

        bool Visit(ReadOnlySpan<int> neighbours)
        {
            foreach (var n in neighbours)
            {
                if (mark[n] == _gen || (_filtered && !Allowed(n))) continue;
                mark[n] = _gen;
                dist[n] = depth + 1;
                next.Add(n);
                if (otherMark[n] == _gen)
                {
                    met = true;
                    if (!complete) return true;
                }
            }
            return false;
        }
    }

    private bool Allowed(int node)
    {
        if (_excluded.Contains(node)) return false;
        if (!_query.HasYearFilter || _graph.Nodes.Kind(node) != NodeKind.Film) return true;
        return _query.FilmYearAllowed(_graph.Nodes.Year(node));
    }

    /// <summary>
    /// Depth-first from the start, least id first, so chains come out least first. The searches stop at the first
    /// meeting, so only the layer that was growing is incomplete; every other layer is exact. Before the meeting
    /// layer a node qualifies by its distance from the start; past it, by its distance from the end, which guarantees
    /// the chain completes. At the meeting layer itself: when the start's side was growing, by the end's complete
    /// distances; otherwise by its distance from the start, the next step deciding. A node that leads to no chain is
    /// remembered as a dead end, so no part of the search is repeated. Returns whether a chain was found through
    /// <c>path[k]</c>.
    /// <para>
    /// Ids compare as ranks (<see cref="IdOrder"/>). The least qualifying neighbour is found in one pass with no
    /// sorting, which is all a single chain needs when that neighbour leads on (the usual case); only when it does
    /// not, or more chains are wanted, are the rest of the candidates sorted, once per node.
    /// </para>
    /// </summary>
    private bool Enumerate(int[] path, int k, int depthA, bool grewALast, int first, List<int[]> results)
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
        foreach (var slot in slots)
        {
            adjacency.Neighbours(slot, path[k], out var rows, out var recent);
            Add(rows); Add(recent);
        }
        if (candidates.Count == 0) return Dead(false);

        var least = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
            if (_order.Compare(candidates[i], least) < 0) least = candidates[i];
        path[next] = least;
        var found = Enumerate(path, next, depthA, grewALast, first, results);
        if (results.Count >= first) return true;

        // A person linked to a film by two via types is listed twice: sorted, the copies sit together.
        candidates.Sort(_order);
        var previous = least;
        foreach (var y in candidates)
        {
            if (y == previous || _order.Compare(y, least) <= 0) continue;
            previous = y;
            path[next] = y;
            if (Enumerate(path, next, depthA, grewALast, first, results)) found = true;
            if (results.Count >= first) return true;
        }
        return Dead(found);

        bool Dead(bool found)
        {
            if (!found && k > 0 && k <= depthA) _s.Dead[path[k]] = _gen;
            return found;
        }

        void Add(ReadOnlySpan<int> neighbours)
        {
            var s = _s;
            var fromEnd = d - next;
            foreach (var y in neighbours)
            {
                bool ok;
                if (next < depthA) ok = s.MarkA[y] == _gen && s.DistA[y] == next && s.Dead[y] != _gen;
                else if (next == depthA)
                    ok = grewALast
                        ? s.MarkB[y] == _gen && s.DistB[y] == fromEnd
                        : s.MarkA[y] == _gen && s.DistA[y] == next && s.Dead[y] != _gen;
                else ok = s.MarkB[y] == _gen && s.DistB[y] == fromEnd;
                if (ok) candidates.Add(y);
            }
        }
    }
}
