using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Reads;

/// <summary>The typed questions, each against the real API over the sample data.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class ReadTests(FilmGraphApi api)
{
    private readonly FilmGraphClient _client = api.Client();

    [Fact]
    public async Task A_person_by_id()
    {
        var person = await _client.GetPersonAsync("emma-stone");
        Assert.Equal(("emma-stone", "Emma Stone", null), (person.Id, person.Name, person.Born));
        Assert.Empty(person.Aliases);
    }

    [Fact]
    public async Task A_search_finds_a_person_by_a_word_of_the_name()
    {
        var hits = await _client.SearchAsync("gosling", first: 5);
        var best = hits[0];
        Assert.Equal((NodeKind.Person, "ryan-gosling", "Ryan Gosling"), (best.Kind, best.Id, best.Label));
        Assert.True(best.Score > 0);
        Assert.InRange(hits.Count, 1, 5);
    }

    [Fact]
    public async Task A_search_finds_a_film_by_its_title()
    {
        var hits = await _client.SearchAsync("whiplash");
        Assert.Contains(hits, h => h is { Kind: NodeKind.Film, Id: "whiplash-2014" });
    }

    [Fact]
    public async Task A_chain_is_the_least_of_the_shortest()
    {
        var chain = await _client.CoStarChainAsync("emma-stone", "ryan-gosling");
        Assert.NotNull(chain);
        Assert.Equal(1, chain.Length);
        var link = Assert.Single(chain.Links);
        Assert.Equal(("emma-stone", "crazy-stupid-love-2011", "ryan-gosling"), (link.From.Id, link.Film.Id, link.To.Id));
        Assert.Equal(("Crazy, Stupid, Love", 2011), (link.Film.Title, link.Film.Year));
        Assert.Equal((RelationshipType.CastIn, RelationshipType.CastIn), (link.FromType, link.ToType));
    }

    [Fact]
    public async Task A_chain_avoids_the_films_left_out_and_keeps_to_the_years_asked()
    {
        var chain = await _client.CoStarChainAsync("emma-stone", "ryan-gosling", excludeFilms: ["crazy-stupid-love-2011"]);
        Assert.Equal("gangster-squad-2013", Assert.Single(chain!.Links).Film.Id);

        var late = await _client.CoStarChainAsync("emma-stone", "ryan-gosling", fromYear: 2014);
        Assert.Equal(("la-la-land-2016", "Mia", "Sebastian"), (Assert.Single(late!.Links).Film.Id, late.Links[0].FromRole, late.Links[0].ToRole));
    }

    [Fact]
    public async Task Without_a_chain_the_answer_is_null_and_via_drops_finds_one()
    {
        Assert.Null(await _client.CoStarChainAsync("emma-watson", "ryan-gosling"));

        var chain = await _client.CoStarChainAsync("emma-watson", "ryan-gosling", via: [RelationshipType.CastIn, RelationshipType.DroppedFrom]);
        var link = Assert.Single(chain!.Links);
        Assert.Equal(("beauty-and-the-beast-2017", RelationshipType.CastIn, RelationshipType.DroppedFrom), (link.Film.Id, link.FromType, link.ToType));
    }

    [Fact]
    public async Task Chains_come_in_a_stable_order_up_to_first()
    {
        var chains = await _client.CoStarChainsAsync("emma-stone", "ryan-gosling");
        Assert.Equal(["crazy-stupid-love-2011", "gangster-squad-2013", "la-la-land-2016"], chains.Select(c => Assert.Single(c.Links).Film.Id));

        var two = await _client.CoStarChainsAsync("emma-stone", "ryan-gosling", first: 2, maxHops: 1);
        Assert.Equal(chains.Take(2).Select(c => c.Links[0].Film.Id), two.Select(c => c.Links[0].Film.Id));
        Assert.Empty(await _client.CoStarChainsAsync("emma-watson", "ryan-gosling"));
    }

    [Fact]
    public async Task Reach_counts_people_by_distance()
    {
        var reach = await _client.ReachAsync("emma-stone", maxHops: 2);
        Assert.Equal("emma-stone", reach.Id);
        Assert.Equal(new ReachLevel(0, 1), reach.Levels[0]);
        Assert.Equal(reach.Levels.Skip(1).Sum(l => l.People), reach.Reachable);
        Assert.True(reach.Reachable > 0);
        Assert.All(reach.Levels, l => Assert.InRange(l.Distance, 0, 2));
        Assert.NotNull(reach.AverageDistance);
    }

    [Fact]
    public async Task Replacements_on_a_film_and_everywhere()
    {
        var onLaLaLand = await _client.ReplacementsAsync("la-la-land-2016");
        Assert.Equal([("Mia", "emma-watson", "emma-stone"), ("Sebastian", "miles-teller", "ryan-gosling")],
            onLaLaLand.Select(r => (r.Role, r.Dropped.Id, r.Cast.Id)));
        Assert.Equal("Scheduling conflicts with Beauty and the Beast.", onLaLaLand[0].Reason);
        Assert.All(onLaLaLand, r => Assert.Equal(("La La Land", 2016), (r.Film.Title, r.Film.Year)));
        Assert.NotNull(onLaLaLand[0].Source?.Document);

        var everywhere = await _client.ReplacementsAsync();
        Assert.Superset(onLaLaLand.ToHashSet(new ByIds()), everywhere.ToHashSet(new ByIds()));
    }

    private sealed class ByIds : IEqualityComparer<Replacement>
    {
        public bool Equals(Replacement? x, Replacement? y) => (x?.Film.Id, x?.Role, x?.Dropped.Id, x?.Cast.Id) == (y?.Film.Id, y?.Role, y?.Dropped.Id, y?.Cast.Id);

        public int GetHashCode(Replacement r) => HashCode.Combine(r.Film.Id, r.Role, r.Dropped.Id, r.Cast.Id);
    }
}
