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
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    // With no budget (or little) to complete the end's last layer, the walk qualifies the meeting layer by the start's distances.
    [InlineData(7, false, 0)]
    [InlineData(8, true, 0)]
    [InlineData(9, true, 0)]
    [InlineData(10, true, 8)]
    // Sparse graphs, where chains are long and each search's layers go deep (its sides tell layers apart by bit 1 only).
    [InlineData(11, false, 4096, 90, 45, 6)]
    [InlineData(12, false, 0, 90, 45, 6)]
    [InlineData(13, false, 4096, 120, 60, 6)]
    // Nodes numbered in id order, as files listing records by id give: the walk then takes a row's neighbours as they
    // come, least id first, instead of choosing among them.
    [InlineData(14, false, 4096, 40, 25, 4, true)]
    [InlineData(15, true, 4096, 40, 25, 4, true)]
    [InlineData(16, true, 0, 40, 25, 4, true)]
    [InlineData(17, false, 4096, 90, 45, 6, true)]
    [InlineData(18, false, 0, 120, 60, 6, true)]
    public async Task Every_shortest_chain_in_order_on_random_graphs(int seed, bool hubs, int completionBudget = 4096, int people = 40, int films = 25,
        int maxHops = 4, bool nodesInIdOrder = false)
    {
        var graph = RandomCastGraph.Make(seed, people, films, hubs);
        var options = new EmbeddedStoreOptions { Path = _path.File + seed, ExternalChangePoll = TimeSpan.Zero, ChainCompletionBudget = completionBudget };
        var batches = graph.Relationships(2).ToList();
        await using (var first = EmbeddedGraphStore.Open(options))
        {
            foreach (var nodes in nodesInIdOrder ? graph.NodesInIdOrder() : [graph.Nodes()]) await first.WriteAsync(nodes);
            await first.WriteAsync(batches[0]);
        }
        var opened = EmbeddedGraphStore.Open(options);
        await using var store = GuardedGraphStore.Wrap(opened);
        Assert.Equal(nodesInIdOrder, opened.NodesInIdOrder);
        foreach (var batch in batches.Skip(1)) await store.WriteAsync(batch);

        var random = new Random(seed);
        RelationshipType[][] vias = [[RelationshipType.CastIn], [RelationshipType.Directed, RelationshipType.CastIn]];
        var longest = 0;
        for (var trial = 0; trial < 80; trial++)
        {
            int a = random.Next(graph.People), b = random.Next(graph.People);
            var via = vias[trial % 2];
            var query = new ChainQuery { From = RandomCastGraph.PersonId(a), To = RandomCastGraph.PersonId(b), MaxHops = maxHops, Via = via };
            var expected = a == b ? [""] : graph.ShortestChains(a, b, maxHops, via, [], []);
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
            if (expected.Count > 0) longest = Math.Max(longest, (expected[0].Count(ch => ch == ',') + 1) / 2);
        }
        // The sparse graphs are there for their long chains: make sure some were compared.
        if (maxHops > 4) Assert.True(longest >= 4, $"The longest chain compared has {longest} films.");
    }

    [Fact]
    public async Task A_role_rewritten_after_open_shows_in_the_chain_at_once()
    {
        // Built from the file, not from a snapshot, so that the role table is there at open.
        var options = new EmbeddedStoreOptions { Path = _path.File + "roles", ExternalChangePoll = TimeSpan.Zero, Snapshot = false };
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

    [Fact]
    public async Task A_store_opened_from_a_snapshot_without_roles_reads_them_after_the_start()
    {
        var options = new EmbeddedStoreOptions { Path = _path.File + "snaproles", ExternalChangePoll = TimeSpan.Zero };
        await using (var first = EmbeddedGraphStore.Open(options))
            await first.WriteAsync(GraphBatch.Of(people: [new Person("a", "A"), new Person("b", "B")], films: [new Film("f", "F", 2000)],
                relationships:
                [
                    new Relationship(RelationshipType.CastIn, "a", "f", new RelationshipProperties(Role: "Ay")),
                    new Relationship(RelationshipType.CastIn, "b", "f", new RelationshipProperties(Role: "Bee")),
                ]));
        await using var store = EmbeddedGraphStore.Open(options);
        Assert.StartsWith("read from the snapshot", store.IndexSource);
        var query = new ChainQuery { From = "a", To = "b" };
        // Right away (roles from the file) and once the table is in memory, the same link.
        var link = Assert.Single(Assert.Single(await store.ShortestChainsAsync(query, 1)).Links);
        Assert.Equal(("Ay", "Bee"), (link.FromRole, link.ToRole));
        // The id ranks alone hold 4 bytes for each of the 3 nodes; anything beyond is the role table (which may have
        // come before the first chain was asked for).
        const long orderOnly = 3 * sizeof(int);
        for (var i = 0; i < 200 && store.ChainTableBytes <= orderOnly; i++) await Task.Delay(50);
        Assert.True(store.ChainTableBytes > orderOnly, $"the role table never came ({store.ChainTableBytes} bytes)");
        link = Assert.Single(Assert.Single(await store.ShortestChainsAsync(query, 1)).Links);
        Assert.Equal(("Ay", "Bee"), (link.FromRole, link.ToRole));
    }

    /// <summary>
    /// A ladder: the start, rungs of <paramref name="width"/> people, the end; between neighbouring rungs
    /// <paramref name="width"/> films with everyone of both rungs in each. The shortest chains number
    /// width^(films) × width^(films - 1), which overflows an Int at 6 films and a long at 12.
    /// </summary>
    private static GraphBatch Ladder(int films, int width)
    {
        var rungs = new List<string[]> { new[] { "start" } };
        for (var r = 1; r < films; r++) rungs.Add(Enumerable.Range(0, width).Select(i => $"r{r}-{i}").ToArray());
        rungs.Add(["end"]);
        var people = rungs.SelectMany(r => r).Select(id => new Person(id, id)).ToList();
        var filmList = new List<Film>();
        var links = new List<Relationship>();
        for (var r = 0; r < films; r++)
            for (var f = 0; f < width; f++)
            {
                var film = new Film($"f{r}-{f}", $"Film {r}-{f}", 2000);
                filmList.Add(film);
                foreach (var person in rungs[r].Concat(rungs[r + 1]))
                    links.Add(new Relationship(RelationshipType.CastIn, person, film.Id, new RelationshipProperties(Source: ContractGraph.Notes)));
            }
        return GraphBatch.Of(people: people, films: filmList, relationships: links);
    }

    [Fact]
    public async Task Counts_too_large_for_an_Int_or_a_long_saturate()
    {
        await using var six = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File + "six", ExternalChangePoll = TimeSpan.Zero });
        await six.WriteAsync(Ladder(6, 8));
        var query = new ChainQuery { From = "start", To = "end" };
        Assert.Equal((long)Math.Pow(8, 11), await six.ChainCountAsync(query));
        Assert.Equal(Limits.ChainCountCeiling, await GuardedGraphStore.Wrap(six).ChainCountAsync(query));

        await using var twelve = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File + "twelve", ExternalChangePoll = TimeSpan.Zero });
        await twelve.WriteAsync(Ladder(12, 8));
        Assert.Equal(long.MaxValue, await twelve.ChainCountAsync(query with { MaxHops = 12 }));
        Assert.Equal(12, await twelve.SeparationAsync(query with { MaxHops = 12 }));
    }
}
