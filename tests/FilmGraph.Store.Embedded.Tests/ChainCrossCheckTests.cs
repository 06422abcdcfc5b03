using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The chain search against the definition itself, on the embedded store's two kinds of adjacency: on random
/// graphs, every shortest chain found by brute force (<see cref="RandomCastGraph"/>) must be what the store returns,
/// in the same order, with the count of them, the types and the roles. Half the relationships are written, the store
/// reopened (they are then in the rows and tables built at open) and the rest written (they sit in what writes add).
/// </summary>
public sealed class ChainCrossCheckTests : IDisposable
{
    private readonly TempStorePath _path = new();

    public void Dispose() => _path.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Every_shortest_chain_in_order_on_random_graphs(int seed)
    {
        var graph = RandomCastGraph.Make(seed, people: 40, films: 25);
        var options = new EmbeddedStoreOptions { Path = _path.File + seed, ExternalChangePoll = TimeSpan.Zero };
        var batches = graph.Relationships(2).ToList();
        await using (var first = EmbeddedGraphStore.Open(options))
        {
            await first.WriteAsync(graph.Nodes());
            await first.WriteAsync(batches[0]);
        }
        await using var store = GuardedGraphStore.Wrap(EmbeddedGraphStore.Open(options));
        foreach (var batch in batches.Skip(1)) await store.WriteAsync(batch);

        var random = new Random(seed);
        RelationshipType[][] vias = [[RelationshipType.CastIn], [RelationshipType.Directed, RelationshipType.CastIn]];
        for (var trial = 0; trial < 80; trial++)
        {
            int a = random.Next(graph.People), b = random.Next(graph.People);
            var via = vias[trial % 2];
            var query = new ChainQuery { From = RandomCastGraph.PersonId(a), To = RandomCastGraph.PersonId(b), MaxHops = 4, Via = via };
            var expected = a == b ? [""] : graph.ShortestChains(a, b, 4, via, [], []);
            foreach (var first in (int[])[1, 3, Limits.ChainsCeiling])
            {
                var chains = await store.ShortestChainsAsync(query, first);
                Assert.Equal(expected.Take(first), chains.Select(c => string.Join(",", c.Links.SelectMany(l => new[] { l.Film.Id, l.To.Id }))));
                foreach (var link in chains.SelectMany(c => c.Links))
                {
                    Assert.Equal(graph.Link(link.From.Id, link.Film.Id, via), (link.FromType, link.FromRole!));
                    Assert.Equal(graph.Link(link.To.Id, link.Film.Id, via), (link.ToType, link.ToRole!));
                }
            }
            Assert.Equal(expected.Count == 0 ? null : expected.Count, await store.ChainCountAsync(query));
            Assert.Equal(a == b ? 0 : expected.Count == 0 ? null : (expected[0].Count(ch => ch == ',') + 1) / 2, await store.SeparationAsync(query));
        }
    }

    [Fact]
    public async Task A_role_rewritten_after_open_shows_in_the_chain_at_once()
    {
        var options = new EmbeddedStoreOptions { Path = _path.File + "roles", ExternalChangePoll = TimeSpan.Zero };
        Relationship Cast(string person, string role) =>
            new(RelationshipType.CastIn, person, "f", new RelationshipProperties(Role: role, Source: ContractGraph.Notes));
        await using (var first = EmbeddedGraphStore.Open(options))
            await first.WriteAsync(GraphBatch.Of(people: [new Person("a", "A"), new Person("b", "B")], films: [new Film("f", "F", 2000)],
                relationships: [Cast("a", "first a"), Cast("b", "first b")]));
        await using var store = EmbeddedGraphStore.Open(options);
        var opened = store.ChainTableBytes;
        var query = new ChainQuery { From = "a", To = "b" };
        var link = Assert.Single(Assert.Single(await store.ShortestChainsAsync(query, 1)).Links);
        Assert.Equal(("first a", "first b"), (link.FromRole, link.ToRole));

        await store.WriteAsync(GraphBatch.Of(relationships: [Cast("b", "second b")]));
        link = Assert.Single(Assert.Single(await store.ShortestChainsAsync(query, 1)).Links);
        Assert.Equal(("first a", "second b"), (link.FromRole, link.ToRole));
        // Read from memory when opened; from the file once a write has rewritten a role.
        Assert.True(opened > store.ChainTableBytes, $"{opened} bytes at open, {store.ChainTableBytes} after the rewrite");
    }
}
