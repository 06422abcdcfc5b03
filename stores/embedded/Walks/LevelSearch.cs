using System.Collections.Concurrent;
using System.Numerics;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Breadth-first search from one person over the person-film graph, counting people per co-star distance. Each
/// co-star hop is two half-steps (people to films, films to people), and each half-step is run the cheaper of two
/// ways (Beamer, Asanović and Patterson, "Direction-optimizing breadth-first search"): top-down, every frontier node
/// marks its unvisited neighbours; or bottom-up, every unvisited node of the other kind looks for one neighbour in
/// the frontier and stops at the first. Bottom-up wins once the frontier's edges outnumber the edges left to
/// unvisited nodes by <see cref="Alpha"/>, which in a film graph is the two or three middle levels holding most people.
/// The frontier is an int array and a bit set; visited marks are bits, so the marks of a million nodes fit in cache.
/// </summary>
internal static class LevelSearch
{
    /// <summary>Beamer's α: go bottom-up when the frontier's edges exceed the unvisited side's edges divided by this.</summary>
    private const int Alpha = 14;

    /// <summary>People at each distance 0..maxHops that has any (index = distance; 0 holds the person).</summary>
    public static List<long> Levels(PersonFilmView view, int person, int maxHops, CancellationToken ct)
    {
        using var b = Buffers.Rent(view.NodeCount, view.Words);
        var levels = new List<long> { 1 };
        Set(b.Visited, person);
        b.Frontier[0] = person;
        var count = 1;
        long frontierEdges = PersonFilmView.Degree(view.ToFilm, person);
        // Edges still leading to unvisited nodes of each side, for the choice between top-down and bottom-up.
        long unvisitedFilmEdges = view.Edges, unvisitedPersonEdges = view.Edges - frontierEdges;
        Array.Clear(b.FrontierBits);
        Set(b.FrontierBits, person);
        for (var hop = 1; hop <= maxHops; hop++)
        {
            // People to films.
            var bottomUp = frontierEdges * Alpha > unvisitedFilmEdges;
            (count, frontierEdges) = Step(view, b, count, bottomUp, toFilms: true, ct);
            unvisitedFilmEdges -= frontierEdges;
            if (count == 0) break;
            // Films to people.
            bottomUp = frontierEdges * Alpha > unvisitedPersonEdges;
            (count, frontierEdges) = Step(view, b, count, bottomUp, toFilms: false, ct);
            unvisitedPersonEdges -= frontierEdges;
            if (count == 0) break;
            levels.Add(count);
        }
        return levels;
    }

    /// <summary>
    /// One half-step from the frontier (list and bits in <paramref name="b"/>) to the next, which replaces it. Returns
    /// the new frontier's size and its edge count (the degree sum on the side it will be expanded over).
    /// </summary>
    private static (int Count, long Edges) Step(PersonFilmView view, Buffers b, int count, bool bottomUp, bool toFilms, CancellationToken ct)
    {
        var visited = b.Visited;
        var next = b.Next;
        var nextBits = b.NextBits;
        Array.Clear(nextBits);
        var found = 0;
        long edges = 0;
        // Top-down expands the frontier over rows towards the new side; bottom-up reads the new side's rows back.
        var forward = toFilms ? view.ToFilm : view.ToPerson;
        var backward = toFilms ? view.ToPerson : view.ToFilm;
        if (!bottomUp)
        {
            var frontier = b.Frontier;
            for (var i = 0; i < count; i++)
            {
                if ((i & GraphWalks.CheckEvery) == 0) ct.ThrowIfCancellationRequested();
                var node = frontier[i];
                foreach (var rows in forward)
                {
                    Visit(rows.Rows(node));
                    Visit(rows.Recent(node));
                }
            }

            void Visit(ReadOnlySpan<int> neighbours)
            {
                foreach (var n in neighbours)
                {
                    ref var word = ref visited[n >> 6];
                    var bit = 1UL << n;
                    if ((word & bit) != 0) continue;
                    word |= bit;
                    nextBits[n >> 6] |= bit;
                    next[found++] = n;
                    edges += PersonFilmView.Degree(backward, n);
                }
            }
        }
        else
        {
            var frontierBits = b.FrontierBits;
            var films = view.FilmBits;
            var words = view.Words;
            var lastMask = (view.NodeCount & 63) == 0 ? ulong.MaxValue : (1UL << view.NodeCount) - 1;
            for (var w = 0; w < words; w++)
            {
                if ((w & 255) == 0) ct.ThrowIfCancellationRequested();
                var open = ~visited[w] & (toFilms ? films[w] : ~films[w]);
                if (w == words - 1) open &= lastMask;
                while (open != 0)
                {
                    var n = (w << 6) + BitOperations.TrailingZeroCount(open);
                    open &= open - 1;
                    if (!Touches(backward, n, frontierBits, out var degree)) continue;
                    var bit = 1UL << n;
                    visited[w] |= bit;
                    nextBits[w] |= bit;
                    next[found++] = n;
                    edges += degree;
                }
            }
        }
        b.Swap();
        return (found, edges);
    }

    /// <summary>
    /// Whether any of the node's neighbours is in the frontier, stopping at the first; and the node's degree on this
    /// side, which the rows just read give for nothing.
    /// </summary>
    private static bool Touches(SlotRows[] side, int node, ulong[] frontierBits, out int degree)
    {
        var found = false;
        degree = 0;
        foreach (var rows in side)
        {
            var row = rows.Rows(node);
            var recent = rows.Recent(node);
            degree += row.Length + recent.Length;
            if (found) continue;
            foreach (var m in row)
                if ((frontierBits[m >> 6] & (1UL << m)) != 0)
                {
                    found = true;
                    break;
                }
            if (found) continue;
            foreach (var m in recent)
                if ((frontierBits[m >> 6] & (1UL << m)) != 0)
                {
                    found = true;
                    break;
                }
        }
        return found;
    }

    private static void Set(ulong[] bits, int node) => bits[node >> 6] |= 1UL << node;

    /// <summary>Working arrays of one search, kept for the next: two frontiers (list and bits) and the visited bits.</summary>
    private sealed class Buffers : IDisposable
    {
        private static readonly ConcurrentBag<Buffers> Pool = [];
        private static readonly int Retained = Environment.ProcessorCount * 2;

        public int[] Frontier = [], Next = [];
        public ulong[] FrontierBits = [], NextBits = [], Visited = [];

        public static Buffers Rent(int nodes, int words)
        {
            if (!Pool.TryTake(out var b)) b = new Buffers();
            if (b.Frontier.Length < nodes || b.Visited.Length != words)
            {
                var size = Math.Max(nodes + nodes / 8, 1024);
                b.Frontier = new int[size];
                b.Next = new int[size];
                b.FrontierBits = new ulong[words];
                b.NextBits = new ulong[words];
                b.Visited = new ulong[words];
            }
            else Array.Clear(b.Visited);
            return b;
        }

        public void Swap()
        {
            (Frontier, Next) = (Next, Frontier);
            (FrontierBits, NextBits) = (NextBits, FrontierBits);
        }

        public void Dispose()
        {
            if (Pool.Count < Retained) Pool.Add(this);
        }
    }
}
