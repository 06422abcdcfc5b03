using FilmGraph.Core;

namespace FilmGraph.Core.Tests;

/// <summary>
/// The centre ranking against one plain breadth-first search per candidate, on random graphs with components of
/// different sizes: pruned or not, on one thread or several, the kept list is the same.
/// </summary>
public sealed class CentreSearchTests
{
    private static CentreGraph Random(int seed, int people, int films, int edges)
    {
        var random = new Random(seed);
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < edges)
        {
            // Four groups of people and films that never share a film: four components, unequal in size.
            var group = random.Next(10) switch { < 5 => 0, < 8 => 1, 8 => 2, _ => 3 };
            int Pick(int count) => group switch
            {
                0 => random.Next(count / 2),
                1 => count / 2 + random.Next(count * 3 / 10),
                2 => count * 8 / 10 + random.Next(count / 10),
                _ => count * 9 / 10 + random.Next(count / 10),
            };
            // Skewed towards low numbers, so that some people have many films and are the candidates.
            var person = Math.Min(Pick(people), Pick(people));
            pairs.Add((person, Pick(films)));
        }
        return CentreGraph.FromPairs(people, films, [.. pairs], p => $"p{p:D4}");
    }

    /// <summary>Each candidate's figures by a queue-based search, ranked, the best <paramref name="keep"/>.</summary>
    private static List<(string, long, long)> Plain(CentreGraph graph, int candidates, int keep)
    {
        var filmsOf = new List<int>[graph.People];
        var peopleOf = new Dictionary<int, List<int>>();
        for (var p = 0; p < graph.People; p++) filmsOf[p] = [];
        foreach (var (p, f) in Pairs(graph))
        {
            filmsOf[p].Add(f);
            if (!peopleOf.TryGetValue(f, out var list)) peopleOf[f] = list = [];
            list.Add(p);
        }
        var chosen = Enumerable.Range(0, graph.People).Where(p => graph.Degree(p) > 0)
            .Order(Comparer<int>.Create((a, b) => Traversal.CompareCandidates(graph.Degree(a), graph.PersonId(a), graph.Degree(b), graph.PersonId(b))))
            .Take(candidates);
        var ranked = new List<(string Id, long Total, long Reach)>();
        foreach (var source in chosen)
        {
            var distance = new Dictionary<int, int> { [source] = 0 };
            var queue = new Queue<int>([source]);
            while (queue.TryDequeue(out var p))
                foreach (var f in filmsOf[p])
                    foreach (var q in peopleOf[f])
                        if (distance.TryAdd(q, distance[p] + 1)) queue.Enqueue(q);
            var reach = distance.Count - 1;
            if (reach > 0) ranked.Add((graph.PersonId(source), distance.Values.Sum(d => (long)d), reach));
        }
        ranked.Sort((a, b) => Traversal.CompareCloseness(a.Total, a.Reach, a.Id, b.Total, b.Reach, b.Id));
        return [.. ranked.Take(keep)];
    }

    private static List<(int Person, int Film)> Pairs(CentreGraph graph)
    {
        var pairs = new List<(int, int)>();
        for (var p = 0; p < graph.People; p++)
            foreach (var f in graph.FilmsOf(p)) pairs.Add((p, f));
        return pairs;
    }

    private static List<(string, long, long)> Ranked(CentreGraph graph, CentreSearch.Outcome outcome) =>
        [.. outcome.Best.Select(b => (graph.PersonId(b.Person), b.TotalDistance, b.ReachCount))];

    [Fact]
    public void Pruned_and_unpruned_rankings_equal_a_plain_search_per_candidate()
    {
        var pruned = 0;
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var graph = Random(seed, 300 + 20 * seed, 90, 500 + 30 * seed);
            foreach (var (candidates, keep) in new[] { (150, 10), (1000, 1000), (70, 1) })
            {
                var expected = Plain(graph, candidates, keep);
                var unpruned = CentreSearch.Run(graph, candidates, keep, threads: 1, prune: false, null, CancellationToken.None);
                Assert.Equal(0, unpruned.Pruned);
                Assert.Equal(expected, Ranked(graph, unpruned));
                foreach (var threads in (int[])[1, 2, 3])
                {
                    var run = CentreSearch.Run(graph, candidates, keep, threads, prune: true, null, CancellationToken.None);
                    Assert.Equal(expected, Ranked(graph, run));
                    Assert.Equal(run.Candidates, run.Measured + run.Pruned);
                    pruned += run.Pruned;
                }
            }
        }
        // The bound must actually have cut searches short, or the equality above says nothing about it.
        Assert.True(pruned > 0, "No search was pruned on any graph.");
    }

    [Fact]
    public void Candidates_are_the_best_connected_with_ties_by_id_and_nobody_without_films()
    {
        var graph = CentreGraph.FromPairs(6, 3, [(0, 0), (1, 0), (1, 1), (2, 2), (3, 1), (3, 2), (5, 0)], p => $"p{5 - p}");
        // People 1 and 3 have two films (ids "p4" and "p2"); 0, 2 and 5 one (ids "p5", "p3", "p0"); 4 none.
        Assert.Equal([3, 1, 5, 2, 0], CentreSearch.Candidates(graph, 10));
        Assert.Equal([3, 1, 5], CentreSearch.Candidates(graph, 3));
    }

    [Fact]
    public void Progress_is_reported_up_to_every_candidate_and_cancellation_stops_the_run()
    {
        var graph = Random(5, 500, 120, 900);
        var seen = new List<int>();
        var outcome = CentreSearch.Run(graph, 200, 5, 1, prune: true, d => { lock (seen) seen.Add(d); }, CancellationToken.None);
        Assert.Equal(outcome.Candidates, seen.Max());
        Assert.Equal(seen.Order(), seen);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CentreSearch.Run(graph, 200, 5, 2, prune: true, null, cancelled.Token));
    }
}
