using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Shortest co-star chains on the person-film graph (person → film over the chosen types' out rows, film → person
/// over their in rows). A bidirectional breadth-first search grows the smaller frontier a whole layer at a time
/// until the two meet; every node on some shortest chain is then marked with its position, and chains are read
/// off in <see cref="Traversal.ChainOrder"/> by a depth-first walk that takes neighbours in id order.
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
    private readonly int _gen;

    public ChainFinder(GraphIndex graph, ChainQuery query)
    {
        _graph = graph;
        _query = query;
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
        var meeting = Meet(a, b, stopAtFirst: false, out var depthA, out var depthB);
        if (meeting.Count == 0) return [];
        MarkShortestPaths(meeting, depthA, depthB);
        var results = new List<int[]>();
        var path = new int[depthA + depthB + 1];
        path[0] = a;
        Enumerate(path, 0, first, results);
        return results;
    }

    /// <summary>The number of films on a shortest chain, or null.</summary>
    public int? Distance(int a, int b)
    {
        if (a == b) return 0;
        var meeting = Meet(a, b, stopAtFirst: true, out var depthA, out var depthB);
        return meeting.Count == 0 ? null : (depthA + depthB) / 2;
    }

    /// <summary>Grows the two searches until they share nodes; returns those nodes (empty when the bound is reached first).</summary>
    private List<int> Meet(int a, int b, bool stopAtFirst, out int depthA, out int depthB)
    {
        var s = _s;
        s.MarkA[a] = _gen; s.DistA[a] = 0;
        s.MarkB[b] = _gen; s.DistB[b] = 0;
        List<int> frontA = [a], frontB = [b];
        depthA = depthB = 0;
        var maxEdges = _query.MaxHops * 2;
        var meeting = new List<int>();
        while (frontA.Count > 0 && frontB.Count > 0 && depthA + depthB < maxEdges)
        {
            // Grow the side whose next layer costs less to find: fewer neighbour entries to scan.
            var growA = Cost(frontA, depthA) <= Cost(frontB, depthB);
            if (growA)
            {
                frontA = Grow(frontA, depthA, s.MarkA, s.DistA, s.MarkB, meeting, stopAtFirst);
                depthA++;
            }
            else
            {
                frontB = Grow(frontB, depthB, s.MarkB, s.DistB, s.MarkA, meeting, stopAtFirst);
                depthB++;
            }
            if (meeting.Count > 0) return meeting;
        }
        return meeting;
    }

    private long Cost(List<int> frontier, int depth)
    {
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        long cost = 0;
        foreach (var node in frontier)
            foreach (var slot in slots) cost += _graph.Adjacency.Degree(slot, node);
        return cost;
    }

    private List<int> Grow(List<int> frontier, int depth, int[] mark, int[] dist, int[] otherMark, List<int> meeting, bool stopAtFirst)
    {
        var next = new List<int>();
        var slots = depth % 2 == 0 ? _personToFilm : _filmToPerson;
        var adjacency = _graph.Adjacency;
        foreach (var node in frontier)
        {
            foreach (var slot in slots)
            {
                adjacency.Neighbours(slot, node, out var rows, out var recent);
                if (Visit(rows) || Visit(recent)) return next;
            }
        }
        return next;

        bool Visit(ReadOnlySpan<int> neighbours)
        {
            foreach (var n in neighbours)
            {
                if (mark[n] == _gen || !Allowed(n)) continue;
                mark[n] = _gen;
                dist[n] = depth + 1;
                next.Add(n);
                if (otherMark[n] == _gen)
                {
                    meeting.Add(n);
                    if (stopAtFirst) return true;
                }
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
    /// Marks each node on some shortest path with its position: from the meeting layer back along the first
    /// search's distances, and forward along the second's.
    /// </summary>
    private void MarkShortestPaths(List<int> meeting, int depthA, int depthB)
    {
        var s = _s;
        foreach (var m in meeting) MarkLevel(m, depthA);

        var layer = meeting;
        for (var k = depthA; k > 0; k--)
            layer = Step(layer, k, s.MarkA, s.DistA, k - 1, k - 1);
        layer = meeting;
        for (var j = 1; j <= depthB; j++)
            layer = Step(layer, depthA + j - 1, s.MarkB, s.DistB, depthB - j, depthA + j);

        // From a layer at position `position`, collect the neighbours whose distance in the given search is
        // `wantDist`, marking them at `newLevel`.
        List<int> Step(List<int> from, int position, int[] mark, int[] dist, int wantDist, int newLevel)
        {
            var next = new List<int>();
            // Position parity says what the layer holds: even positions are people.
            var slots = position % 2 == 0 ? _personToFilm : _filmToPerson;
            foreach (var x in from)
            {
                foreach (var slot in slots)
                {
                    _graph.Adjacency.Neighbours(slot, x, out var rows, out var recent);
                    Collect(rows); Collect(recent);
                }
            }
            return next;

            void Collect(ReadOnlySpan<int> neighbours)
            {
                foreach (var y in neighbours)
                {
                    if (mark[y] != _gen || dist[y] != wantDist || s.MarkPath[y] == _gen) continue;
                    MarkLevel(y, newLevel);
                    next.Add(y);
                }
            }
        }
    }

    private void MarkLevel(int node, int level)
    {
        _s.MarkPath[node] = _gen;
        _s.Level[node] = level;
    }

    private void Enumerate(int[] path, int k, int first, List<int[]> results)
    {
        if (k == path.Length - 1)
        {
            results.Add((int[])path.Clone());
            return;
        }
        var candidates = new List<int>();
        var slots = k % 2 == 0 ? _personToFilm : _filmToPerson;
        foreach (var slot in slots)
        {
            _graph.Adjacency.Neighbours(slot, path[k], out var rows, out var recent);
            Add(rows); Add(recent);
        }
        var nodes = _graph.Nodes;
        candidates.Sort((x, y) => string.CompareOrdinal(nodes.Id(x), nodes.Id(y)));
        var previous = -1;
        foreach (var c in candidates)
        {
            if (c == previous) continue;
            previous = c;
            path[k + 1] = c;
            Enumerate(path, k + 1, first, results);
            if (results.Count >= first) return;
        }

        void Add(ReadOnlySpan<int> neighbours)
        {
            foreach (var y in neighbours)
                if (_s.MarkPath[y] == _gen && _s.Level[y] == k + 1) candidates.Add(y);
        }
    }
}
