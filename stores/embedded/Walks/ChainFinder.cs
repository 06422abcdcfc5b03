using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Shortest co-star chains on the person-film graph (person → film over the chosen types' out rows, film → person
/// over their in rows). A bidirectional breadth-first search grows the smaller frontier a whole layer at a time
/// until the two meet; their distances then say which nodes lie on a shortest chain, and chains are read off in
/// <see cref="Traversal.ChainOrder"/> by a depth-first walk that takes neighbours in id order.
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

    /// <summary>Grows the two searches until they first share a node; false when the bound is reached first.</summary>
    private bool Meet(int a, int b, out int depthA, out int depthB)
    {
        var s = _s;
        s.MarkA[a] = _gen; s.DistA[a] = 0;
        s.MarkB[b] = _gen; s.DistB[b] = 0;
        List<int> frontA = [a], frontB = [b];
        depthA = depthB = 0;
        var maxEdges = _query.MaxHops * 2;
        while (frontA.Count > 0 && frontB.Count > 0 && depthA + depthB < maxEdges)
        {
            // Grow the side whose next layer costs less to find: fewer neighbour entries to scan.
            var growA = Cost(frontA, depthA) <= Cost(frontB, depthB);
            _grewALast = growA;
            if (growA)
            {
                var met = Grow(ref frontA, depthA, s.MarkA, s.DistA, s.MarkB);
                depthA++;
                if (met) return true;
            }
            else
            {
                var met = Grow(ref frontB, depthB, s.MarkB, s.DistB, s.MarkA);
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

    /// <summary>Replaces the frontier with its next layer, stopping at the first node the other search has seen.</summary>
    private bool Grow(ref List<int> frontier, int depth, int[] mark, int[] dist, int[] otherMark)
    {
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
        return false;

        bool Visit(ReadOnlySpan<int> neighbours)
        {
            foreach (var n in neighbours)
            {
                if (mark[n] == _gen || !Allowed(n)) continue;
                mark[n] = _gen;
                dist[n] = depth + 1;
                next.Add(n);
                if (otherMark[n] == _gen) return true;
            }
            return false;
        }
    }

    private bool Allowed(int node)
    {
        if (_excluded.Count > 0 && _excluded.Contains(node)) return false;
        if (!_query.HasYearFilter || _graph.Nodes.Kind(node) != NodeKind.Film) return true;
        return _query.FilmYearAllowed(_graph.Nodes.Year(node));
    }

    /// <summary>
    /// Depth-first from the start, neighbours in id order, so chains come out least first. The searches stop at the
    /// first meeting, so only the layer that was growing is incomplete; every other layer is exact. Before the
    /// meeting layer a node qualifies by its distance from the start; past it, by its distance from the end, which
    /// guarantees the chain completes. At the meeting layer itself: when the start's side was growing, by the end's
    /// complete distances; otherwise by its distance from the start, the next step deciding. A node that leads to
    /// no chain is remembered as a dead end, so no part of the search is repeated. Returns whether a chain was
    /// found through <c>path[k]</c>.
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
        var s = _s;
        var next = k + 1;
        var candidates = new List<int>();
        var slots = k % 2 == 0 ? _personToFilm : _filmToPerson;
        foreach (var slot in slots)
        {
            _graph.Adjacency.Neighbours(slot, path[k], out var rows, out var recent);
            Add(rows); Add(recent);
        }
        // Take candidates least id first by selection rather than sorting them all: usually the first one taken
        // completes the chain, and a film's cast can run to hundreds.
        var nodes = _graph.Nodes;
        var found = false;
        while (candidates.Count > 0)
        {
            var least = candidates[0];
            for (var i = 1; i < candidates.Count; i++)
                if (nodes.CompareIds(candidates[i], least) < 0) least = candidates[i];
            // Remove every copy: a person linked to a film by two via types is listed twice.
            var kept = 0;
            for (var i = 0; i < candidates.Count; i++)
                if (candidates[i] != least) candidates[kept++] = candidates[i];
            candidates.RemoveRange(kept, candidates.Count - kept);
            path[next] = least;
            if (Enumerate(path, next, depthA, grewALast, first, results)) found = true;
            if (results.Count >= first) return true;
        }
        if (!found && k > 0 && k <= depthA) s.Dead[path[k]] = _gen;
        return found;

        void Add(ReadOnlySpan<int> neighbours)
        {
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
