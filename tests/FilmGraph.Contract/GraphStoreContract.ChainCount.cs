using FilmGraph.Core;

namespace FilmGraph.Contract;

/// <summary>
/// chainCount, and the chains themselves, against the definition on random graphs: every shortest chain found by
/// brute force (all simple alternating paths up to the bound, over the via types, around the exclusions), counted
/// as distinct sequences of people and films and sorted by the chain order.
/// </summary>
public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task ChainCount_counts_the_shortest_chains()
    {
        Assert.Equal(1, await Store.ChainCountAsync(Q("ada", "ada")));
        Assert.Equal(1, await Store.ChainCountAsync(Q("ada", "ben")));
        Assert.Equal(2, await Store.ChainCountAsync(Q("ada", "dora")));
        Assert.Equal(2, await Store.ChainCountAsync(Q("ada", "gus")));
        Assert.Null(await Store.ChainCountAsync(Q("ada", "xavier")));
        Assert.Null(await Store.ChainCountAsync(Q("ada", "eve") with { MaxHops = 2 }));
        Assert.Null(await Store.ChainCountAsync(Q("ada", "ben") with { MaxHops = 0 }));
    }

    [SkippableFact]
    public async Task ChainCount_takes_the_filters_of_the_chain()
    {
        Assert.Equal(1, await Store.ChainCountAsync(Q("ada", "dora") with { ExcludeFilms = new HashSet<string> { "f1" } }));
        Assert.Equal(1, await Store.ChainCountAsync(Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "cleo" } }));
        Assert.Null(await Store.ChainCountAsync(Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "cleo", "ben" } }));
        Assert.Equal(1, await Store.ChainCountAsync(Q("ada", "dora") with { FromYear = 1998 }));
        Assert.Null(await Store.ChainCountAsync(Q("ada", "gus") with { FromYear = 1900 }));
        Assert.Null(await Store.ChainCountAsync(Q("hugo", "iris")));
        Assert.Equal(1, await Store.ChainCountAsync(Q("hugo", "iris") with { Via = [RelationshipType.CastIn, RelationshipType.Directed] }));
        Assert.Equal(1, await Store.ChainCountAsync(Q("will", "ben") with { Via = [RelationshipType.CastIn, RelationshipType.DroppedFrom] }));
    }

    [SkippableFact]
    public async Task ChainCount_refuses_what_the_chain_refuses()
    {
        var unknown = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("ada", "nobody")));
        Assert.Equal((ErrorCodes.NotFound, "to"), (unknown.Code, unknown.Argument));
        var film = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("f1", "ada")));
        Assert.Equal((ErrorCodes.BadUserInput, "from"), (film.Code, film.Argument));
        var hops = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("ada", "ben") with { MaxHops = Limits.MaxHopsCeiling + 1 }));
        Assert.Equal("maxHops", hops.Argument);
        var excluded = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("ada", "ben") with { ExcludePeople = new HashSet<string> { "ben" } }));
        Assert.Equal("excludePeople", excluded.Argument);
    }

    [SkippableTheory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Chains_and_their_count_equal_brute_force_on_random_graphs(int seed)
    {
        var graph = RandomCastGraph.Make(seed);
        await Store.WriteAsync(graph.Nodes());
        foreach (var batch in graph.Relationships(1)) await Store.WriteAsync(batch);
        var random = new Random(seed * 31);
        RelationshipType[][] vias = [[RelationshipType.CastIn], [RelationshipType.CastIn, RelationshipType.Directed]];
        for (var trial = 0; trial < 40; trial++)
        {
            var (a, b) = (random.Next(graph.People), random.Next(graph.People));
            var via = vias[trial % 2];
            var excludedFilms = trial % 3 == 1 ? new HashSet<int> { random.Next(graph.Films), random.Next(graph.Films) } : [];
            var excludedPeople = trial % 4 == 3 ? new HashSet<int> { random.Next(graph.People) } : [];
            excludedPeople.Remove(a);
            excludedPeople.Remove(b);
            var query = new ChainQuery
            {
                From = RandomCastGraph.PersonId(a), To = RandomCastGraph.PersonId(b), MaxHops = 4, Via = via,
                ExcludeFilms = excludedFilms.Select(RandomCastGraph.FilmId).ToHashSet(),
                ExcludePeople = excludedPeople.Select(RandomCastGraph.PersonId).ToHashSet(),
            };
            var expected = a == b ? [""] : graph.ShortestChains(a, b, 4, via, excludedFilms, excludedPeople);
            var what = $"{query.From} -> {query.To} via {string.Join('|', via)}, without {string.Join(',', query.ExcludeFilms.Concat(query.ExcludePeople))}";

            var count = await Store.ChainCountAsync(query);
            Assert.True((expected.Count == 0 ? null : (long?)expected.Count) == count, $"{what}: brute force counts {expected.Count}, the store {count}");
            var chains = await Store.ShortestChainsAsync(query, Limits.ChainsCeiling);
            Assert.Equal(expected.Take(Limits.ChainsCeiling), chains.Select(c => string.Join(",", Ids(c))));
            var least = await Store.ShortestChainsAsync(query, 1);
            Assert.Equal(expected.Take(1), least.Select(c => string.Join(",", Ids(c))));
            foreach (var link in chains.SelectMany(c => c.Links))
            {
                Assert.Equal(graph.Link(link.From.Id, link.Film.Id, via), (link.FromType, link.FromRole!));
                Assert.Equal(graph.Link(link.To.Id, link.Film.Id, via), (link.ToType, link.ToRole!));
            }
        }
    }
}
