using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The direction-optimising reach against a plain search, on random graphs held partly in the compressed rows
/// (written before the store was opened) and partly in the overlay (written after), over one type and several.
/// </summary>
public sealed class ReachCrossCheckTests : IDisposable
{
    private readonly TempStorePath _path = new();

    private static List<(int Distance, long People)> Plain(IReadOnlyList<Relationship> relationships, string start, IReadOnlyList<RelationshipType> via, int maxHops)
    {
        var kept = relationships.Where(r => via.Contains(r.Type)).ToList();
        var films = kept.ToLookup(r => r.From, r => r.To);
        var cast = kept.ToLookup(r => r.To, r => r.From);
        var seen = new HashSet<string> { start };
        var frontier = new List<string> { start };
        var levels = new List<(int, long)> { (0, 1) };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            frontier = [.. frontier.SelectMany(p => films[p]).Distinct().SelectMany(f => cast[f]).Where(seen.Add)];
            if (frontier.Count > 0) levels.Add((hop, frontier.Count));
        }
        return levels;
    }

    [Fact]
    public async Task Reach_equals_a_plain_search_over_rows_and_overlay()
    {
        var random = new Random(11);
        var people = Enumerable.Range(0, 400).Select(i => new Person($"p{i:D3}", $"Person {i}")).ToList();
        var films = Enumerable.Range(0, 150).Select(i => new Film($"f{i:D3}", $"Film {i}", 2000)).ToList();
        RelationshipType[] types = [RelationshipType.CastIn, RelationshipType.Directed, RelationshipType.DroppedFrom];
        var all = new HashSet<(string, RelationshipType, string)>();
        GraphBatch Some(int count)
        {
            var added = new List<Relationship>();
            while (added.Count < count)
            {
                // Skewed, so that a few people and films have many relationships and the searches go bottom-up.
                var person = people[Math.Min(random.Next(400), random.Next(400))].Id;
                var film = films[random.Next(150)].Id;
                var type = types[random.Next(10) < 7 ? 0 : random.Next(1, 3)];
                if (all.Add((person, type, film))) added.Add(new Relationship(type, person, film, new RelationshipProperties()));
            }
            return GraphBatch.Of(people, films, added);
        }

        var first = Some(900);
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false }))
            await store.WriteAsync(first);
        await using var reopened = GuardedGraphStore.Wrap(await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false }));
        var second = Some(300);
        await reopened.WriteAsync(second);
        var relationships = first.Relationships.Concat(second.Relationships).ToList();

        IReadOnlyList<RelationshipType>[] vias = [[RelationshipType.CastIn], types];
        foreach (var via in vias)
            foreach (var start in people.Where((_, i) => i % 7 == 0).Select(p => p.Id))
                foreach (var maxHops in (int[])[1, 2, Limits.MaxHopsCeiling])
                {
                    var reach = await reopened.ReachAsync(new ReachQuery(start, maxHops, via));
                    Assert.Equal(Plain(relationships, start, via, maxHops), reach.Levels.Select(l => (l.Distance, l.People)).ToList());
                }
    }

    public void Dispose() => _path.Dispose();
}
