using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The chain search against the definition itself: on random graphs, every shortest chain found by brute force
/// (all simple alternating paths up to the bound, shortest kept, sorted by the chain order) must be what the
/// store returns, in the same order.
/// </summary>
public sealed class ChainCrossCheckTests : IDisposable
{
    private readonly TempStorePath _path = new();

    public void Dispose() => _path.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_shortest_chain_in_order_on_random_graphs(int seed)
    {
        var random = new Random(seed);
        const int people = 40, films = 25;
        var cast = new HashSet<(int Person, int Film)>();
        for (var f = 0; f < films; f++)
        {
            var size = 1 + random.Next(5);
            for (var i = 0; i < size; i++) cast.Add((random.Next(people), f));
        }
        // Ids whose order differs from their numbers, so the order rule is really exercised.
        string P(int p) => $"p{(p * 7919) % 1000:D3}-{p}";
        string F(int f) => $"f{(f * 104729) % 1000:D3}-{f}";

        await using var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File + seed, ExternalChangePoll = TimeSpan.Zero });
        // Written in three batches so that some edges sit in the overlay and some in the compressed rows.
        var all = cast.ToList();
        await store.WriteAsync(GraphBatch.Of(
            people: Enumerable.Range(0, people).Select(p => new Person(P(p), $"Person {p}")),
            films: Enumerable.Range(0, films).Select(f => new Film(F(f), $"Film {f}", 2000))));
        foreach (var part in all.Chunk(all.Count / 2 + 1))
            await store.WriteAsync(GraphBatch.Of(relationships: part.Select(c => new Relationship(RelationshipType.CastIn, P(c.Person), F(c.Film)))));

        var filmsOf = Enumerable.Range(0, people).Select(p => cast.Where(c => c.Person == p).Select(c => c.Film).ToList()).ToArray();
        var castOf = Enumerable.Range(0, films).Select(f => cast.Where(c => c.Film == f).Select(c => c.Person).ToList()).ToArray();

        for (var trial = 0; trial < 60; trial++)
        {
            int a = random.Next(people), b = random.Next(people);
            var expected = BruteForce(a, b, 4, filmsOf, castOf)
                .Select(path => string.Join(",", path.Select((n, i) => i % 2 == 1 ? F(n) : P(n)).Skip(1)))
                .Order(StringComparer.Ordinal).ToList();
            var chains = await store.ShortestChainsAsync(new ChainQuery { From = P(a), To = P(b), MaxHops = 4 }, Limits.ChainsCeiling);
            var actual = chains.Select(c => string.Join(",", c.Links.SelectMany(l => new[] { l.Film.Id, l.To.Id }))).ToList();
            if (a == b) Assert.Equal([""], actual);
            else Assert.Equal(expected.Take(Limits.ChainsCeiling), actual);
            Assert.Equal(a == b ? 0 : expected.Count == 0 ? null : (expected[0].Count(ch => ch == ',') + 1) / 2,
                await store.SeparationAsync(new ChainQuery { From = P(a), To = P(b), MaxHops = 4 }));
        }
    }

    /// <summary>All shortest alternating paths person, film, ..., person of at most maxFilms films.</summary>
    private static List<int[]> BruteForce(int a, int b, int maxFilms, List<int>[] filmsOf, List<int>[] castOf)
    {
        var found = new List<int[]>();
        for (var films = 1; films <= maxFilms && found.Count == 0; films++)
            Walk([a], films);
        return found;

        void Walk(List<int> path, int films)
        {
            var person = path[^1];
            if (path.Count == 2 * films + 1)
            {
                if (person == b) found.Add([.. path]);
                return;
            }
            foreach (var film in filmsOf[person])
            {
                if (Contains(path, film, odd: true)) continue;
                foreach (var next in castOf[film])
                {
                    if (Contains(path, next, odd: false)) continue;
                    path.Add(film); path.Add(next);
                    Walk(path, films);
                    path.RemoveRange(path.Count - 2, 2);
                }
            }
        }

        static bool Contains(List<int> path, int node, bool odd)
        {
            for (var i = odd ? 1 : 0; i < path.Count; i += 2) if (path[i] == node) return true;
            return false;
        }
    }
}
