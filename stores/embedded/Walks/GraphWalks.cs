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
        var counts = LevelSearch.Levels(PersonFilmView.Of(graph, query.Via), person, query.MaxHops, ct);
        return [.. counts.Select((people, distance) => new ReachLevel(distance, people))];
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

    /// <summary>
    /// The <paramref name="first"/> people sharing the most CAST_IN films with <paramref name="person"/> (ties by id), with
    /// the shared films. Shared films are counted in scratch arrays rather than collected per co-star, and only the
    /// chosen few have their films listed: a person in thousands of films has most of the graph as co-stars.
    /// </summary>
    public static List<(int Person, List<int> Films)> CoStars(GraphIndex graph, int person, int first, CancellationToken ct)
    {
        using var s = Scratch.Rent(graph.NodeCount);
        var gen = s.Generation;
        var adjacency = graph.Adjacency;
        var films = Films(adjacency, person);
        var touched = Tally(adjacency, person, films, s, ct);

        // A bounded heap of the best so far: its top is the worst kept, replaced whenever a better one comes.
        var nodes = graph.Nodes;
        var worstFirst = Comparer<(int Shared, string Id)>.Create((a, b) => a.Shared != b.Shared ? a.Shared.CompareTo(b.Shared) : string.CompareOrdinal(b.Id, a.Id));
        var best = new PriorityQueue<int, (int Shared, string Id)>(first + 1, worstFirst);
        foreach (var other in touched)
        {
            best.Enqueue(other, (s.DistA[other], nodes.Id(other)));
            if (best.Count > first) best.Dequeue();
        }
        var chosen = new Dictionary<int, List<int>>(best.Count);
        while (best.TryDequeue(out var other, out _))
        {
            chosen[other] = [];
            s.MarkB[other] = gen;
        }
        foreach (var film in films)
        {
            adjacency.Neighbours(Adjacency.Slot(RelationshipType.CastIn, Direction.In), film, out var cast, out var recent);
            foreach (var other in cast) if (s.MarkB[other] == gen && chosen[other] is var list && (list.Count == 0 || list[^1] != film)) list.Add(film);
            foreach (var other in recent) if (s.MarkB[other] == gen && chosen[other] is var list && (list.Count == 0 || list[^1] != film)) list.Add(film);
        }
        return [.. chosen.Select(c => (c.Key, c.Value))];
    }

    /// <summary>How many people share a CAST_IN film with <paramref name="person"/>.</summary>
    public static int CoStarCount(GraphIndex graph, int person, CancellationToken ct)
    {
        using var s = Scratch.Rent(graph.NodeCount);
        return Tally(graph.Adjacency, person, Films(graph.Adjacency, person), s, ct).Count;
    }

    /// <summary>The person's co-stars, each once, with the number of films shared in <c>s.DistA</c>.</summary>
    private static List<int> Tally(Adjacency adjacency, int person, List<int> films, Scratch s, CancellationToken ct)
    {
        var gen = s.Generation;
        var touched = new List<int>();
        for (var f = 0; f < films.Count; f++)
        {
            if ((f & 63) == 0) ct.ThrowIfCancellationRequested();
            adjacency.Neighbours(Adjacency.Slot(RelationshipType.CastIn, Direction.In), films[f], out var cast, out var recent);
            Count(cast);
            Count(recent);
        }
        return touched;

        void Count(ReadOnlySpan<int> cast)
        {
            foreach (var other in cast)
            {
                if (other == person) continue;
                if (s.MarkA[other] != gen)
                {
                    s.MarkA[other] = gen;
                    s.DistA[other] = 0;
                    touched.Add(other);
                }
                s.DistA[other]++;
            }
        }
    }

    /// <summary>A person's CAST_IN films, each once.</summary>
    private static List<int> Films(Adjacency adjacency, int person)
    {
        adjacency.Neighbours(Adjacency.Slot(RelationshipType.CastIn, Direction.Out), person, out var rows, out var recent);
        var films = new List<int>(rows.Length + recent.Length);
        foreach (var film in rows) films.Add(film);
        foreach (var film in recent) if (!films.Contains(film)) films.Add(film);
        return films;
    }
}
