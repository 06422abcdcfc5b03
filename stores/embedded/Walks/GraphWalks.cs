using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>The walks other than chains: distance tables, neighbourhoods and co-stars, all on the in-memory index.</summary>
internal static class GraphWalks
{
    /// <summary>How many frontier nodes a walk expands between looks at its cancellation token (a mask: 2^n - 1).</summary>
    public const int CheckEvery = 1023;

    /// <summary>People at each co-star distance from <paramref name="person"/> within the bound (distance 0 is the person).</summary>
    public static List<ReachLevel> Reach(GraphIndex graph, int person, ReachQuery query, CancellationToken ct)
    {
        using var s = Scratch.Rent(graph.NodeCount);
        var gen = s.Generation;
        var toFilm = query.Via.Distinct().Select(t => Adjacency.Slot(t, Direction.Out)).ToArray();
        var toPerson = query.Via.Distinct().Select(t => Adjacency.Slot(t, Direction.In)).ToArray();
        var levels = new List<ReachLevel> { new(0, 1) };
        s.MarkA[person] = gen;
        List<int> people = [person];
        for (var hop = 1; hop <= query.MaxHops && people.Count > 0; hop++)
        {
            var films = Expand(graph, people, toFilm, s.MarkA, gen, ct);
            people = Expand(graph, films, toPerson, s.MarkA, gen, ct);
            if (people.Count > 0) levels.Add(new ReachLevel(hop, people.Count));
        }
        return levels;
    }

    private static List<int> Expand(GraphIndex graph, List<int> frontier, int[] slots, int[] mark, int gen, CancellationToken ct)
    {
        var next = new List<int>();
        for (var i = 0; i < frontier.Count; i++)
        {
            if ((i & CheckEvery) == 0) ct.ThrowIfCancellationRequested();
            var node = frontier[i];
            foreach (var slot in slots)
            {
                graph.Adjacency.Neighbours(slot, node, out var rows, out var recent);
                Visit(rows); Visit(recent);
            }
        }
        return next;

        void Visit(ReadOnlySpan<int> neighbours)
        {
            foreach (var n in neighbours)
            {
                if (mark[n] == gen) continue;
                mark[n] = gen;
                next.Add(n);
            }
        }
    }

    /// <summary>
    /// Nodes within <c>Depth</c> relationships of the given types (either direction) in breadth-first order, at most
    /// <c>Limit</c> of them, and every edge of those types between two included nodes.
    /// </summary>
    public static (List<(int Node, int Distance)> Nodes, List<(int Source, RelationshipType Type, int Target)> Edges, bool Truncated)
        Neighbourhood(GraphIndex graph, int start, NeighbourhoodQuery query, CancellationToken ct)
    {
        using var s = Scratch.Rent(graph.NodeCount);
        var gen = s.Generation;
        var types = query.Types.Distinct().OrderBy(t => t).ToArray();
        var included = new List<(int Node, int Distance)> { (start, 0) };
        s.MarkA[start] = gen;
        var truncated = false;
        var frontier = new List<int> { start };
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var type in types)
                    foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Out, Direction.In])
                    {
                        graph.Adjacency.Neighbours(Adjacency.Slot(type, direction), node, out var rows, out var recent);
                        Add(rows); Add(recent);
                    }
                if (truncated) break;
            }
            frontier = next;

            void Add(ReadOnlySpan<int> neighbours)
            {
                foreach (var n in neighbours)
                {
                    if (s.MarkA[n] == gen) continue;
                    if (included.Count >= query.Limit) { truncated = true; return; }
                    s.MarkA[n] = gen;
                    included.Add((n, depth));
                    next.Add(n);
                }
            }
        }

        var edges = new List<(int, RelationshipType, int)>();
        foreach (var (node, _) in included)
            foreach (var type in types)
            {
                graph.Adjacency.Neighbours(Adjacency.Slot(type, Direction.Out), node, out var rows, out var recent);
                foreach (var t in rows) if (s.MarkA[t] == gen) edges.Add((node, type, t));
                foreach (var t in recent) if (s.MarkA[t] == gen) edges.Add((node, type, t));
            }
        return (included, edges, truncated);
    }

    /// <summary>People sharing a CAST_IN film with <paramref name="person"/>, with the shared films.</summary>
    public static Dictionary<int, List<int>> CoStars(GraphIndex graph, int person, CancellationToken ct)
    {
        var shared = new Dictionary<int, List<int>>();
        var adjacency = graph.Adjacency;
        adjacency.Neighbours(Adjacency.Slot(RelationshipType.CastIn, Direction.Out), person, out var rows, out var recent);
        foreach (var film in (int[])[.. rows, .. recent])
        {
            ct.ThrowIfCancellationRequested();
            adjacency.Neighbours(Adjacency.Slot(RelationshipType.CastIn, Direction.In), film, out var cast, out var castRecent);
            foreach (var other in (int[])[.. cast, .. castRecent])
            {
                if (other == person) continue;
                if (!shared.TryGetValue(other, out var films)) shared[other] = films = [];
                films.Add(film);
            }
        }
        return shared;
    }
}
