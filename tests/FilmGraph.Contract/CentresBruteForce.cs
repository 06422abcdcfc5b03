using FilmGraph.Core;

namespace FilmGraph.Contract;

/// <summary>
/// Centres the slow, obvious way, to check the stores' ranking against: all-pairs co-star distances by
/// Floyd-Warshall over everyone, then every person who reaches anyone, in the order the rules define.
/// </summary>
public static class CentresBruteForce
{
    public static List<(string Id, long Total, long Reach)> Rank(GraphBatch batch, IReadOnlyList<RelationshipType> via)
    {
        var people = batch.People.Select(p => p.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = people.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var n = people.Count;
        const int Far = int.MaxValue / 4;
        var d = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) d[i, j] = i == j ? 0 : Far;
        var casts = batch.Relationships.Where(r => via.Contains(r.Type)).GroupBy(r => r.To).ToList();
        foreach (var film in casts)
            foreach (var a in film)
                foreach (var b in film)
                    if (a.From != b.From) d[index[a.From], index[b.From]] = 1;
        for (var k = 0; k < n; k++)
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (d[i, k] + d[k, j] < d[i, j]) d[i, j] = d[i, k] + d[k, j];
        var ranked = new List<(string Id, long Total, long Reach)>();
        for (var i = 0; i < n; i++)
        {
            long total = 0, reach = 0;
            for (var j = 0; j < n; j++)
                if (j != i && d[i, j] < Far)
                {
                    total += d[i, j];
                    reach++;
                }
            if (reach > 0) ranked.Add((people[i], total, reach));
        }
        ranked.Sort((a, b) => Traversal.CompareCloseness(a.Total, a.Reach, a.Id, b.Total, b.Reach, b.Id));
        return ranked;
    }

    /// <summary>A random person-film graph of a few components, for checks beyond the hand-made one.</summary>
    public static GraphBatch RandomGraph(int seed, int people, int films, int casts)
    {
        var random = new Random(seed);
        var persons = Enumerable.Range(0, people).Select(i => new Person($"r{seed}p{i:D3}", $"Random Person {i}")).ToList();
        var movies = Enumerable.Range(0, films).Select(i => new Film($"r{seed}f{i:D3}", $"Random Film {i}", 2000)).ToList();
        var relationships = new HashSet<(string, string)>();
        while (relationships.Count < casts)
        {
            // Films fall in three groups with their own people, so the graph has components of different sizes.
            var group = random.Next(3);
            var person = persons[random.Next(people * group / 3, people * (group + 1) / 3)].Id;
            var film = movies[random.Next(films * group / 3, films * (group + 1) / 3)].Id;
            relationships.Add((person, film));
        }
        return GraphBatch.Of(persons, movies, relationships.Select(r => new Relationship(RelationshipType.CastIn, r.Item1, r.Item2, new RelationshipProperties())));
    }
}
