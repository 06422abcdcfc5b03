using FilmGraph.Core;

namespace FilmGraph.Contract;

/// <summary>
/// The rules every store must follow, stated once. A store's test project derives from this and says how to make
/// an empty store; every store then answers the same questions the same way.
/// </summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private IGraphStore? _store;

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>
    /// An empty store, owned by the test. A store that needs a server this machine lacks calls <c>Skip.If</c> here:
    /// the tests are skippable facts, so each then reports skipped with the reason instead of failing.
    /// </summary>
    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    public async Task InitializeAsync()
    {
        _store = GuardedGraphStore.Wrap(await CreateEmptyStoreAsync());
        await _store.WriteAsync(ContractGraph.Batch());
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    private static ChainQuery Q(string from, string to) => new() { From = from, To = to };

    private static string[] Ids(Chain chain) => chain.Links.SelectMany(l => new[] { l.Film.Id, l.To.Id }).ToArray();

    // ---- chains ---------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task A_person_reaches_themself_with_a_chain_of_length_zero()
    {
        var chains = await Store.ShortestChainsAsync(Q("ada", "ada"), 10);
        Assert.Equal(0, Assert.Single(chains).Length);
        Assert.Equal(0, await Store.SeparationAsync(Q("ada", "ada")));
    }

    [SkippableFact]
    public async Task No_chain_is_an_empty_answer_not_an_error()
    {
        Assert.Empty(await Store.ShortestChainsAsync(Q("ada", "xavier"), 10));
        Assert.Null(await Store.SeparationAsync(Q("ada", "xavier")));
    }

    [SkippableFact]
    public async Task Several_shortest_chains_come_in_film_then_person_id_order()
    {
        var chains = await Store.ShortestChainsAsync(Q("ada", "dora"), 10);
        Assert.Equal(2, chains.Count);
        Assert.Equal(["f1", "ben", "f2", "dora"], Ids(chains[0]));
        Assert.Equal(["f3", "cleo", "f4", "dora"], Ids(chains[1]));
        var single = Assert.Single(await Store.ShortestChainsAsync(Q("ada", "dora"), 1));
        Assert.Equal(Ids(chains[0]), Ids(single));
    }

    [SkippableFact]
    public async Task Links_carry_people_films_types_and_roles()
    {
        var chain = (await Store.ShortestChainsAsync(Q("ada", "ben"), 1))[0];
        var link = Assert.Single(chain.Links);
        Assert.Equal(("ada", "f1", "ben"), (link.From.Id, link.Film.Id, link.To.Id));
        Assert.Equal("Ada Lovelace", link.From.Name);
        Assert.Equal(1990, link.Film.Year);
        Assert.Equal((RelationshipType.CastIn, "Ada in First"), (link.FromType, link.FromRole));
        Assert.Equal((RelationshipType.CastIn, "Hero"), (link.ToType, link.ToRole));
    }

    [SkippableFact]
    public async Task Separation_counts_films()
    {
        Assert.Equal(1, await Store.SeparationAsync(Q("ada", "ben")));
        Assert.Equal(2, await Store.SeparationAsync(Q("ada", "dora")));
        Assert.Equal(3, await Store.SeparationAsync(Q("ada", "eve")));
        Assert.Equal(4, await Store.SeparationAsync(Q("ada", "gus")));
    }

    [SkippableFact]
    public async Task MaxHops_bounds_the_search()
    {
        Assert.Null(await Store.SeparationAsync(Q("ada", "eve") with { MaxHops = 2 }));
        Assert.Empty(await Store.ShortestChainsAsync(Q("ada", "eve") with { MaxHops = 2 }, 5));
        Assert.Equal(3, await Store.SeparationAsync(Q("ada", "eve") with { MaxHops = 3 }));
        Assert.Null(await Store.SeparationAsync(Q("ada", "ben") with { MaxHops = 0 }));
    }

    [SkippableFact]
    public async Task Excluded_films_and_people_are_not_walked_through()
    {
        var noF1 = await Store.ShortestChainsAsync(Q("ada", "dora") with { ExcludeFilms = new HashSet<string> { "f1" } }, 10);
        Assert.Equal(["f3", "cleo", "f4", "dora"], Ids(Assert.Single(noF1)));
        var noCleo = await Store.ShortestChainsAsync(Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "cleo" } }, 10);
        Assert.Equal(["f1", "ben", "f2", "dora"], Ids(Assert.Single(noCleo)));
        var neither = Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "cleo", "ben" } };
        Assert.Null(await Store.SeparationAsync(neither));
    }

    [SkippableFact]
    public async Task Year_range_keeps_films_inside_it_and_drops_films_without_a_year()
    {
        var from1998 = await Store.ShortestChainsAsync(Q("ada", "dora") with { FromYear = 1998 }, 10);
        Assert.Equal(["f3", "cleo", "f4", "dora"], Ids(Assert.Single(from1998)));
        var to2004 = await Store.ShortestChainsAsync(Q("ada", "dora") with { ToYear = 2004 }, 10);
        Assert.Equal(["f1", "ben", "f2", "dora"], Ids(Assert.Single(to2004)));
        Assert.Equal(4, await Store.SeparationAsync(Q("ada", "gus")));
        Assert.Null(await Store.SeparationAsync(Q("ada", "gus") with { FromYear = 1900 }));
    }

    [SkippableFact]
    public async Task Via_chooses_the_person_film_types_walked()
    {
        Assert.Null(await Store.SeparationAsync(Q("hugo", "iris")));
        var via = Q("hugo", "iris") with { Via = [RelationshipType.CastIn, RelationshipType.Directed] };
        var link = Assert.Single(Assert.Single(await Store.ShortestChainsAsync(via, 10)).Links);
        Assert.Equal((RelationshipType.Directed, (string?)null), (link.FromType, link.FromRole));
        Assert.Equal((RelationshipType.CastIn, "Iris in Seventh"), (link.ToType, link.ToRole));

        Assert.Null(await Store.SeparationAsync(Q("will", "ben")));
        Assert.Equal(1, await Store.SeparationAsync(Q("will", "ben") with { Via = [RelationshipType.CastIn, RelationshipType.DroppedFrom] }));
    }

    [SkippableFact]
    public async Task Bad_chain_arguments_are_refused_naming_the_argument()
    {
        var conflict = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.ShortestChainsAsync(Q("ada", "cleo") with { Via = [RelationshipType.ConflictedWith] }, 1));
        Assert.Equal((ErrorCodes.BadUserInput, "via"), (conflict.Code, conflict.Argument));

        var hops = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.SeparationAsync(Q("ada", "cleo") with { MaxHops = Limits.MaxHopsCeiling + 1 }));
        Assert.Equal((ErrorCodes.BadUserInput, "maxHops"), (hops.Code, hops.Argument));

        var missing = await Assert.ThrowsAsync<GraphQueryException>(() => Store.SeparationAsync(Q("ada", "nobody")));
        Assert.Equal((ErrorCodes.NotFound, "to"), (missing.Code, missing.Argument));

        var film = await Assert.ThrowsAsync<GraphQueryException>(() => Store.SeparationAsync(Q("f1", "ada")));
        Assert.Equal((ErrorCodes.BadUserInput, "from"), (film.Code, film.Argument));

        // The guard looks the ends up only when no chain was found: every kind of chain question still names them.
        var unknownChain = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ShortestChainsAsync(Q("nobody", "ada"), 1));
        Assert.Equal((ErrorCodes.NotFound, "from"), (unknownChain.Code, unknownChain.Argument));
        var filmChain = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ShortestChainsAsync(Q("ada", "f1"), 1));
        Assert.Equal((ErrorCodes.BadUserInput, "to"), (filmChain.Code, filmChain.Argument));
        var filmCount = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("f1", "ada")));
        Assert.Equal((ErrorCodes.BadUserInput, "from"), (filmCount.Code, filmCount.Argument));
        var bothUnknown = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ChainCountAsync(Q("nobody", "nobody-else")));
        Assert.Equal((ErrorCodes.NotFound, "from"), (bothUnknown.Code, bothUnknown.Argument));
        var themselfUnknown = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ShortestChainsAsync(Q("nobody", "nobody"), 1));
        Assert.Equal((ErrorCodes.NotFound, "from"), (themselfUnknown.Code, themselfUnknown.Argument));

        var years = await Assert.ThrowsAsync<GraphQueryException>(() => Store.SeparationAsync(Q("ada", "ben") with { FromYear = 2000, ToYear = 1990 }));
        Assert.Equal(ErrorCodes.BadUserInput, years.Code);

        var first = await Assert.ThrowsAsync<GraphQueryException>(() => Store.ShortestChainsAsync(Q("ada", "ben"), Limits.ChainsCeiling + 1));
        Assert.Equal((ErrorCodes.BadUserInput, "first"), (first.Code, first.Argument));
    }

    [SkippableFact]
    public async Task Excluded_ids_must_be_known_and_of_the_kind_their_list_names()
    {
        // A typo in an exclusion would otherwise be ignored, and the caller would trust a chain that walks through it.
        var typo = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.ShortestChainsAsync(Q("ada", "dora") with { ExcludeFilms = new HashSet<string> { "f-one" } }, 1));
        Assert.Equal((ErrorCodes.NotFound, "excludeFilms"), (typo.Code, typo.Argument));
        Assert.Contains("'f-one'", typo.Message);

        var unknownPerson = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.SeparationAsync(Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "nobody" } }));
        Assert.Equal((ErrorCodes.NotFound, "excludePeople"), (unknownPerson.Code, unknownPerson.Argument));

        var personAsFilm = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.ShortestChainsAsync(Q("ada", "dora") with { ExcludeFilms = new HashSet<string> { "ben" } }, 1));
        Assert.Equal((ErrorCodes.BadUserInput, "excludeFilms"), (personAsFilm.Code, personAsFilm.Argument));
        Assert.Equal("'ben' is a person, not a film.", personAsFilm.Message);

        var filmAsPerson = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.SeparationAsync(Q("ada", "dora") with { ExcludePeople = new HashSet<string> { "f3" } }));
        Assert.Equal((ErrorCodes.BadUserInput, "excludePeople"), (filmAsPerson.Code, filmAsPerson.Argument));
    }

    [SkippableFact]
    public async Task Unknown_and_wrong_kind_ids_are_named_by_every_anchored_question()
    {
        async Task Refused(Func<Task> ask, string code, string argument)
        {
            var e = await Assert.ThrowsAsync<GraphQueryException>(ask);
            Assert.Equal((code, argument), (e.Code, e.Argument));
        }

        await Refused(() => Store.PersonCreditsAsync("nobody", null), ErrorCodes.NotFound, "id");
        await Refused(() => Store.PersonCreditsAsync("f1", null), ErrorCodes.BadUserInput, "id");
        await Refused(() => Store.FilmCreditsAsync("ada", null), ErrorCodes.BadUserInput, "id");
        await Refused(() => Store.ConflictsAsync("f3", CancellationToken.None), ErrorCodes.BadUserInput, "id");
        await Refused(() => Store.CoStarsAsync("nobody", 5), ErrorCodes.NotFound, "id");
        await Refused(() => Store.ReachAsync(new ReachQuery("f1", 3, [RelationshipType.CastIn])), ErrorCodes.BadUserInput, "id");
        await Refused(() => Store.ReplacementsAsync("ada"), ErrorCodes.BadUserInput, "film");
        await Refused(() => Store.ReplacementsOfPersonAsync("nobody"), ErrorCodes.NotFound, "id");
        await Refused(() => Store.NeighbourhoodAsync(new NeighbourhoodQuery("nobody", 1, [], 10)), ErrorCodes.NotFound, "id");
        await Refused(() => Store.SearchAsync("  ", 5), ErrorCodes.BadUserInput, "text");
    }

    // ---- people, films, search ------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Nodes_are_found_by_id_and_kind()
    {
        Assert.Equal(new Person("ben", "Ben Ångström", 1950, ["Benny A"]), await Store.GetPersonAsync("ben"));
        Assert.Equal(new Film("f6", "Sixth Sense"), await Store.GetFilmAsync("f6"));
        Assert.Null(await Store.GetPersonAsync("f1"));
        Assert.Null(await Store.GetFilmAsync("nothing"));
    }

    [SkippableFact]
    public async Task Names_match_without_case_or_accents_and_by_alias()
    {
        Assert.Equal("ben", Assert.Single(await Store.FindPeopleByNameAsync("ben angstrom")).Id);
        Assert.Equal("ben", Assert.Single(await Store.FindPeopleByNameAsync("BENNY A")).Id);
        Assert.Empty(await Store.FindPeopleByNameAsync("Martin"));
        Assert.Equal("f3", Assert.Single(await Store.FindFilmsByTitleAsync("third rail", null)).Id);
        Assert.Empty(await Store.FindFilmsByTitleAsync("third rail", 1999));
    }

    [SkippableFact]
    public async Task Search_ranks_exact_then_prefix_then_typos()
    {
        var martins = await Store.SearchAsync("martin", 10);
        Assert.Equal(["cleo", "dora"], martins.Select(h => h.Id).Order().ToArray());
        Assert.Equal("cleo", (await Store.SearchAsync("cleo mar", 10))[0].Id);
        Assert.Equal("ben", (await Store.SearchAsync("angstrom", 10))[0].Id);
        Assert.Equal("ada", (await Store.SearchAsync("Lovelase", 10))[0].Id);
        var film = (await Store.SearchAsync("seventh", 10))[0];
        Assert.Equal((NodeKind.Film, "f7"), (film.Kind, film.Film!.Id));
        Assert.Empty(await Store.SearchAsync("zzzzzz", 10));
    }

    [SkippableFact]
    public async Task Search_puts_the_more_connected_first_among_equal_matches()
    {
        // Three "Ryan"s match "ryan" equally well (a name starting with the word): Zed has three credits, Abe one,
        // Bo none; the id and the label length would both put them in another order.
        await Store.WriteAsync(GraphBatch.Of(
            people: [new Person("ryan-a", "Ryan Abe"), new Person("ryan-b", "Ryan Bo"), new Person("ryan-z", "Ryan Zed")],
            films: [],
            relationships:
            [
                new(RelationshipType.CastIn, "ryan-z", "f1", new RelationshipProperties()),
                new(RelationshipType.CastIn, "ryan-z", "f2", new RelationshipProperties()),
                new(RelationshipType.Directed, "ryan-z", "f3", new RelationshipProperties()),
                new(RelationshipType.CastIn, "ryan-a", "f4", new RelationshipProperties()),
            ]));
        Assert.Equal(["ryan-z", "ryan-a", "ryan-b"], (await Store.SearchAsync("ryan", 10)).Select(h => h.Id).ToArray());

        // Equally connected and equally matched: the lower id first. Cleo and Dora each have three relationships.
        Assert.Equal(["cleo", "dora"], (await Store.SearchAsync("martin", 10)).Select(h => h.Id).ToArray());

        // Films too: First Light (three people) before Fifth Element (two), both starting with "fi".
        Assert.Equal(["f1", "f5"], (await Store.SearchAsync("fi", 10)).Where(h => h.Kind == NodeKind.Film).Select(h => h.Id).Take(2).ToArray());
    }

    [SkippableFact]
    public async Task Search_counts_a_swap_of_adjacent_letters_as_one_typo()
    {
        // "matrin" is two Levenshtein edits from "martin" but one swap; six letters tolerate one typo.
        Assert.Equal(["cleo", "dora"], (await Store.SearchAsync("matrin", 10)).Select(h => h.Id).Order().ToArray());
        Assert.Equal("dora", (await Store.SearchAsync("Dora Matrin", 10))[0].Id);
        Assert.Empty(await Store.SearchAsync("mtarni", 10));
    }

    [SkippableFact]
    public async Task Search_finds_names_with_or_without_their_spaces()
    {
        await Store.WriteAsync(GraphBatch.Of(
            people: [new Person("dicaprio", "Leonardo DiCaprio"), new Person("deniro", "Robert De Niro")],
            films: [],
            relationships: []));
        Assert.Equal("deniro", (await Store.SearchAsync("deniro", 10))[0].Id);
        Assert.Equal("deniro", (await Store.SearchAsync("de niro", 10))[0].Id);
        Assert.Equal("dicaprio", (await Store.SearchAsync("di caprio", 10))[0].Id);
        Assert.Equal("dicaprio", (await Store.SearchAsync("dicaprio", 10))[0].Id);
        Assert.Equal("dicaprio", (await Store.SearchAsync("leonardo di caprio", 10))[0].Id);
    }

    [SkippableFact]
    public async Task Search_folds_letters_that_have_no_accent_to_strip()
    {
        await Store.WriteAsync(GraphBatch.Of(
            people: [new Person("thordur", "Þórður Guðjohnsen"), new Person("soren", "Søren Æbelø"), new Person("lodz", "Łukasz Großmann"),
                new Person("oeuvre", "Œdipe Đorđević")],
            films: [],
            relationships: []));
        Assert.Equal("thordur", (await Store.SearchAsync("thordur gudjohnsen", 10))[0].Id);
        Assert.Equal("soren", (await Store.SearchAsync("soren aebelo", 10))[0].Id);
        Assert.Equal("lodz", (await Store.SearchAsync("lukasz grossmann", 10))[0].Id);
        Assert.Equal("oeuvre", (await Store.SearchAsync("oedipe djordjevic", 10))[0].Id);
        // Written the other way round too: the stored name folds as the typed one does.
        Assert.Equal("soren", Assert.Single(await Store.FindPeopleByNameAsync("SØREN ÆBELØ")).Id);
        Assert.Equal("thordur", (await Store.SearchAsync("Þórður", 10))[0].Id);
    }

    [SkippableFact]
    public async Task Known_for_ranks_a_persons_films_by_cast_size_for_many_people_at_once()
    {
        // Kim: cast in f1, cast in and wrote f4, directed f7, dropped from f2; the extras make the cast sizes
        // f2 > f1 > f4 > f7, so the drop would come first if it counted. Lee: cast in f6 only.
        await Store.WriteAsync(GraphBatch.Of(
            people: [new Person("kim", "Kim Known"), new Person("lee", "Lee Known"), new Person("x1", "X One"), new Person("x2", "X Two"),
                new Person("x3", "X Three"), new Person("x4", "X Four")],
            films: [],
            relationships:
            [
                new(RelationshipType.CastIn, "kim", "f1", new RelationshipProperties()),
                new(RelationshipType.Directed, "kim", "f7", new RelationshipProperties()),
                new(RelationshipType.DroppedFrom, "kim", "f2", new RelationshipProperties(Role: "Lead", Reason: "schedule")),
                new(RelationshipType.CastIn, "kim", "f4", new RelationshipProperties()),
                new(RelationshipType.Wrote, "kim", "f4", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x1", "f2", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x2", "f2", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x3", "f2", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x4", "f2", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x1", "f1", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x2", "f1", new RelationshipProperties()),
                new(RelationshipType.CastIn, "x1", "f4", new RelationshipProperties()),
                new(RelationshipType.CastIn, "lee", "f6", new RelationshipProperties()),
            ]));
        var castSizes = new Dictionary<string, int>();
        foreach (var film in new[] { "f2", "f1", "f4", "f7" })
            castSizes[film] = (await Store.FilmCreditsAsync(film, [RelationshipType.CastIn])).Count;
        Assert.True(castSizes["f2"] > castSizes["f1"] && castSizes["f1"] > castSizes["f4"] && castSizes["f4"] > castSizes["f7"], string.Join(", ", castSizes));

        var known = await Store.KnownForAsync(["lee", "kim", "nobody"], 3);
        Assert.Equal([("kim", "f1"), ("kim", "f4"), ("kim", "f7"), ("lee", "f6")], known.Select(k => (k.PersonId, k.Film.Id)).ToArray());
        Assert.Equal(RelationshipType.CastIn, known[1].Type);
        Assert.Equal(castSizes["f1"], known[0].CastSize);
        Assert.Equal(["f1", "f4"], (await Store.KnownForAsync(["kim"], 2)).Select(k => k.Film.Id).ToArray());
        Assert.Empty(await Store.KnownForAsync([], 3));
        var refused = await Assert.ThrowsAsync<GraphQueryException>(() => Store.KnownForAsync(["kim"], 0));
        Assert.Equal("first", refused.Argument);
    }

    [SkippableFact]
    public async Task Known_people_rank_a_films_people_by_their_credits_for_many_films_at_once()
    {
        // The rule worked out from the credits themselves: everyone on the film but the dropped, most credits first.
        async Task<string[]> Expected(string film)
        {
            var people = (await Store.FilmCreditsAsync(film, null)).Where(c => c.Type != RelationshipType.DroppedFrom).Select(c => c.Person.Id).Distinct();
            var ranked = new List<(string Id, int Credits)>();
            foreach (var id in people)
                ranked.Add((id, (await Store.PersonCreditsAsync(id, null)).Count(c => c.Type != RelationshipType.DroppedFrom)));
            return [.. ranked.OrderByDescending(r => r.Credits).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id)];
        }

        var f1 = await Expected("f1");
        var f3 = await Expected("f3");
        Assert.DoesNotContain("will", f1);
        Assert.True(f1.Length >= 2 && f3.Length >= 1, $"f1: {string.Join(",", f1)}; f3: {string.Join(",", f3)}");
        var known = await Store.KnownPeopleAsync(["f3", "f1", "nothing"], 2);
        Assert.Equal([.. f1.Take(2).Select(id => ("f1", id)), .. f3.Take(2).Select(id => ("f3", id))], known.Select(k => (k.FilmId, k.Person.Id)).ToArray());
        Assert.Empty(await Store.KnownPeopleAsync([], 2));
        Assert.Equal("first", (await Assert.ThrowsAsync<GraphQueryException>(() => Store.KnownPeopleAsync(["f1"], 21))).Argument);
    }

    // ---- credits, conflicts, co-stars, replacements ---------------------------------------------------------

    [SkippableFact]
    public async Task Credits_list_types_roles_and_sources()
    {
        var ada = await Store.PersonCreditsAsync("ada", null);
        Assert.Equal(["f1", "f3"], ada.Select(c => c.Film.Id).ToArray());
        Assert.Equal("Ada in First", ada[0].Properties.Role);
        Assert.Equal(ContractGraph.Notes, ada[0].Properties.Source);

        var f1 = await Store.FilmCreditsAsync("f1", null);
        Assert.Equal([("ada", RelationshipType.CastIn), ("ben", RelationshipType.CastIn), ("will", RelationshipType.DroppedFrom)],
            f1.Select(c => (c.Person.Id, c.Type)).ToArray());
        Assert.Equal("schedule", f1[2].Properties.Reason);
        Assert.Equal(["will"], (await Store.FilmCreditsAsync("f1", [RelationshipType.DroppedFrom])).Select(c => c.Person.Id).ToArray());
    }

    [SkippableTheory]
    [InlineData(CreditOrder.FilmId, null, null)]
    [InlineData(CreditOrder.NewestFirst, null, null)]
    [InlineData(CreditOrder.OldestFirst, null, null)]
    [InlineData(CreditOrder.NewestFirst, 1995, null)]
    [InlineData(CreditOrder.FilmId, null, 2000)]
    public async Task Credit_pages_walk_the_whole_ordered_list_and_count_it(CreditOrder order, int? fromYear, int? toYear)
    {
        // Ada gets a second type on one film and a film without a year, so that ties and the year filter matter.
        await Store.WriteAsync(GraphBatch.Of(relationships:
        [
            new Relationship(RelationshipType.Directed, "ada", "f3", new RelationshipProperties(Source: ContractGraph.Notes)),
            new Relationship(RelationshipType.CastIn, "ada", "f6", new RelationshipProperties(Role: "Ada in Sixth")),
            new Relationship(RelationshipType.CastIn, "ada", "f5"),
        ]));
        var whole = Traversal.CreditsIn(await Store.PersonCreditsAsync("ada", null), order, fromYear, toYear);
        Assert.NotEmpty(whole);
        foreach (var size in (int[])[1, 2, 10])
        {
            var walked = new List<Credit>();
            for (var offset = 0; ; offset += size)
            {
                var page = await Store.PersonCreditsPageAsync(new CreditsQuery("ada", null, fromYear, toYear, order, offset, size));
                Assert.Equal(whole.Count, page.TotalCount);
                Assert.True(page.Items.Count <= size);
                if (page.Items.Count == 0) break;
                walked.AddRange(page.Items);
            }
            Assert.Equal(whole, walked);
        }
        var typed = await Store.PersonCreditsPageAsync(new CreditsQuery("ada", [RelationshipType.Directed], null, null, order, 0, 10));
        Assert.Equal(("f3", RelationshipType.Directed, 1), (Assert.Single(typed.Items).Film.Id, typed.Items[0].Type, typed.TotalCount));
        var unknown = await Assert.ThrowsAsync<GraphQueryException>(() => Store.PersonCreditsPageAsync(new CreditsQuery("nobody", null, null, null, order, 0, 10)));
        Assert.Equal((ErrorCodes.NotFound, "id"), (unknown.Code, unknown.Argument));
        var tooLong = await Assert.ThrowsAsync<GraphQueryException>(() => Store.PersonCreditsPageAsync(new CreditsQuery("ada", null, null, null, order, 0, Limits.PageCeiling + 1)));
        Assert.Equal((ErrorCodes.BadUserInput, "first"), (tooLong.Code, tooLong.Argument));
    }

    [SkippableFact]
    public async Task Conflicts_are_seen_from_both_sides_with_their_direction()
    {
        var ada = Assert.Single(await Store.ConflictsAsync("ada"));
        Assert.Equal(("cleo", true, "f3", "a quarrel"), (ada.Other.Id, ada.Outgoing, ada.Context!.Id, ada.Description));
        var cleo = Assert.Single(await Store.ConflictsAsync("cleo"));
        Assert.Equal(("ada", false), (cleo.Other.Id, cleo.Outgoing));
        Assert.Empty(await Store.ConflictsAsync("ben"));
    }

    [SkippableFact]
    public async Task CoStars_share_cast_films_most_shared_first()
    {
        var ben = await Store.CoStarsAsync("ben", 10);
        Assert.Equal([("ada", "f1"), ("dora", "f2")], ben.Select(c => (c.Person.Id, Assert.Single(c.SharedFilms).Id)).ToArray());
        Assert.Single(await Store.CoStarsAsync("ben", 1));
    }

    [SkippableFact]
    public async Task CoStar_count_counts_every_co_star_once()
    {
        Assert.Equal(2, await Store.CoStarCountAsync("ben"));
        await Store.WriteAsync(GraphBatch.Of(relationships: [new Relationship(RelationshipType.CastIn, "ada", "f2")]));
        // Ada now shares two films with Ben: still one co-star.
        Assert.Equal(2, await Store.CoStarCountAsync("ben"));
        Assert.Equal((await Store.CoStarsAsync("dora", Limits.CoStarsCeiling)).Count, await Store.CoStarCountAsync("dora"));
        Assert.Equal(0, await Store.CoStarCountAsync("xavier"));
        Assert.Equal(0, await Store.CoStarCountAsync("hugo"));
    }

    [SkippableFact]
    public async Task Replacements_pair_a_drop_with_the_cast_in_the_same_role()
    {
        var f1 = Assert.Single(await Store.ReplacementsAsync("f1"));
        Assert.Equal(("f1", "will", "ben", "schedule"), (f1.Film.Id, f1.Dropped.Id, f1.Cast.Id, f1.Reason));
        Assert.Equal("Hero", f1.Role);
        Assert.Single(await Store.ReplacementsAsync(null));
        Assert.Empty(await Store.ReplacementsAsync("f2"));
        Assert.Single(await Store.ReplacementsOfPersonAsync("will"));
        Assert.Single(await Store.ReplacementsOfPersonAsync("ben"));
        Assert.Empty(await Store.ReplacementsOfPersonAsync("ada"));
    }

    // ---- centres --------------------------------------------------------------------------------------------

    private static readonly IReadOnlyList<RelationshipType>[] CentreVias =
        [[RelationshipType.CastIn], [RelationshipType.Directed, RelationshipType.CastIn, RelationshipType.DroppedFrom]];

    private static (string, long, long)[] Figures(IEnumerable<Centre> centres) =>
        [.. centres.Select(c => (c.Person.Id, c.TotalDistance, c.ReachCount))];

    [SkippableFact]
    public async Task Centres_equal_an_all_pairs_computation_for_each_via_set()
    {
        foreach (var via in CentreVias)
        {
            Assert.Equal(CentresState.Missing, (await Store.CentresStatusAsync(via)).State);
            Assert.Empty(await Store.CentresAsync(via, 10));
            var status = await Store.ComputeCentresAsync(via, null);
            Assert.Equal((CentresState.Current, status.Done), (status.State, status.Candidates));
            Assert.NotNull(status.ComputedAt);
            var expected = CentresBruteForce.Rank(ContractGraph.Batch(), via);
            Assert.Equal(expected.ToArray(), Figures(await Store.CentresAsync(via, Limits.CentresCeiling)));
            Assert.Equal(expected.Take(2).ToArray(), Figures(await Store.CentresAsync(via, 2)));
        }
        // Through DIRECTED, Hugo reaches Iris: a component of two, each at distance 1 from the other.
        var wide = await Store.CentresAsync(CentreVias[1], Limits.CentresCeiling);
        Assert.Contains(wide, c => c is { Person.Id: "hugo", TotalDistance: 1, ReachCount: 1 });
        Assert.DoesNotContain(await Store.CentresAsync(CentreVias[0], Limits.CentresCeiling), c => c.Person.Id is "hugo" or "xavier");
    }

    [SkippableFact]
    public async Task Centres_of_random_graphs_with_several_components_equal_an_all_pairs_computation()
    {
        var people = ContractGraph.Batch().People.ToList();
        var relationships = ContractGraph.Batch().Relationships.ToList();
        foreach (var seed in (int[])[1, 2])
        {
            var graph = CentresBruteForce.RandomGraph(seed, 45, 24, 70);
            await Store.WriteAsync(graph);
            people.AddRange(graph.People);
            relationships.AddRange(graph.Relationships);
            await Store.ComputeCentresAsync([RelationshipType.CastIn], null);
            var expected = CentresBruteForce.Rank(GraphBatch.Of(people, [], relationships), [RelationshipType.CastIn]);
            Assert.Equal(expected.ToArray(), Figures(await Store.CentresAsync([RelationshipType.CastIn], Limits.CentresCeiling)));
        }
    }

    [SkippableFact]
    public async Task Centres_go_stale_when_the_graph_changes_and_are_served_until_ranked_again()
    {
        IReadOnlyList<RelationshipType> via = [RelationshipType.CastIn];
        await Store.ComputeCentresAsync(via, null);
        var before = Figures(await Store.CentresAsync(via, 100));
        var change = GraphBatch.Of(relationships: [new Relationship(RelationshipType.CastIn, "gus", "f1", new RelationshipProperties())]);
        await Store.WriteAsync(change);
        Assert.Equal(CentresState.Stale, (await Store.CentresStatusAsync(via)).State);
        Assert.Equal(before, Figures(await Store.CentresAsync(via, 100)));
        // Other via sets were never ranked, so they stay missing rather than stale.
        Assert.Equal(CentresState.Missing, (await Store.CentresStatusAsync([RelationshipType.Directed])).State);

        Assert.Equal(CentresState.Current, (await Store.ComputeCentresAsync(via, null)).State);
        var changed = GraphBatch.Of(ContractGraph.Batch().People, [], [.. ContractGraph.Batch().Relationships, .. change.Relationships]);
        Assert.Equal(CentresBruteForce.Rank(changed, via).ToArray(), Figures(await Store.CentresAsync(via, 100)));
    }

    [SkippableFact]
    public async Task Centres_refuse_conflicts_and_a_first_out_of_range()
    {
        async Task Refused(Func<Task> ask, string argument)
        {
            var e = await Assert.ThrowsAsync<GraphQueryException>(ask);
            Assert.Equal((ErrorCodes.BadUserInput, argument), (e.Code, e.Argument));
        }

        await Refused(() => Store.CentresAsync([RelationshipType.ConflictedWith], 10), "via");
        await Refused(() => Store.CentresAsync([], 10), "via");
        await Refused(() => Store.CentresStatusAsync([RelationshipType.CastIn, RelationshipType.ConflictedWith]), "via");
        await Refused(() => Store.CentresAsync([RelationshipType.CastIn], 0), "first");
        await Refused(() => Store.CentresAsync([RelationshipType.CastIn], Limits.CentresCeiling + 1), "first");
    }

    // ---- walks ----------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Reach_counts_people_at_each_distance()
    {
        var reach = await Store.ReachAsync(new ReachQuery("ada", 6, [RelationshipType.CastIn]));
        Assert.Equal([(0, 1L), (1, 2L), (2, 1L), (3, 1L), (4, 1L)], reach.Levels.Select(l => (l.Distance, l.People)).ToArray());
        Assert.Equal(5, reach.Reachable);
        Assert.Equal((1 + 1 + 2 + 3 + 4) / 5.0, reach.AverageDistance);
        var near = await Store.ReachAsync(new ReachQuery("ada", 1, [RelationshipType.CastIn]));
        Assert.Equal(2, near.Reachable);
    }

    [SkippableFact]
    public async Task Neighbourhood_holds_nodes_within_depth_and_the_edges_between_them()
    {
        var one = await Store.NeighbourhoodAsync(new NeighbourhoodQuery("ada", 1, [], 200));
        Assert.Equal(["ada", "cleo", "f1", "f3"], one.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(one.Edges, e => e is { Type: RelationshipType.ConflictedWith, From: "ada", To: "cleo" });
        Assert.Contains(one.Edges, e => e is { Type: RelationshipType.CastIn, From: "ada", To: "f1", Role: "Ada in First" });
        Assert.Contains(one.Edges, e => e is { Type: RelationshipType.CastIn, From: "cleo", To: "f3" });
        Assert.False(one.Truncated);

        var castOnly = await Store.NeighbourhoodAsync(new NeighbourhoodQuery("ada", 2, [RelationshipType.CastIn], 200));
        Assert.Equal(["ada", "ben", "cleo", "f1", "f3"], castOnly.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, castOnly.Nodes.Single(n => n.Id == "ben").Distance);

        var cut = await Store.NeighbourhoodAsync(new NeighbourhoodQuery("ada", 3, [], 3));
        Assert.Equal(3, cut.Nodes.Count);
        Assert.True(cut.Truncated);
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Writing_the_same_batch_again_changes_nothing()
    {
        var again = await Store.WriteAsync(ContractGraph.Batch());
        Assert.Equal(new Counts(0, 0, 10), again.People);
        Assert.Equal(new Counts(0, 0, 7), again.Films);
        Assert.Equal(new Counts(0, 0, 16), again.Relationships);
    }

    [SkippableFact]
    public async Task Upserts_count_created_and_updated_and_are_visible_at_once()
    {
        var summary = await Store.WriteAsync(GraphBatch.Of(
            people: [new Person("xavier", "Xavier Xu-Renamed"), new Person("zoe", "Zoë Zed")],
            relationships: [new Relationship(RelationshipType.CastIn, "zoe", "f7"), new Relationship(RelationshipType.CastIn, "xavier", "f7"),
                new Relationship(RelationshipType.CastIn, "ada", "f1", new RelationshipProperties(Role: "Ada, recast"))]));
        Assert.Equal(new Counts(1, 1, 0), summary.People);
        Assert.Equal(new Counts(2, 1, 0), summary.Relationships);
        Assert.Equal("Xavier Xu-Renamed", (await Store.GetPersonAsync("xavier"))!.Name);
        Assert.Equal(1, await Store.SeparationAsync(Q("zoe", "hugo") with { Via = [RelationshipType.CastIn, RelationshipType.Directed] }));
        Assert.Equal(1, await Store.SeparationAsync(Q("zoe", "xavier")));
        Assert.Equal("zoe", (await Store.SearchAsync("zoe zed", 5))[0].Id);
        Assert.Equal("Ada, recast", (await Store.PersonCreditsAsync("ada", [RelationshipType.CastIn]))[0].Properties.Role);
    }

    [SkippableFact]
    public async Task Unlink_removes_one_relationship_and_the_walks_see_it_at_once()
    {
        Assert.Equal(2, (await Store.ShortestChainsAsync(Q("ada", "dora"), 10)).Count);
        Assert.True(await Store.UnlinkAsync(RelationshipType.CastIn, "ben", "f2"));

        var left = await Store.ShortestChainsAsync(Q("ada", "dora"), 10);
        Assert.Equal(["f3", "cleo", "f4", "dora"], Ids(Assert.Single(left)));
        Assert.DoesNotContain(await Store.PersonCreditsAsync("ben", null), c => c.Film.Id == "f2");
        Assert.NotNull(await Store.GetPersonAsync("ben"));
        Assert.False(await Store.UnlinkAsync(RelationshipType.CastIn, "ben", "f2"));
        Assert.False(await Store.UnlinkAsync(RelationshipType.Directed, "ada", "f1"));

        var unknown = await Assert.ThrowsAsync<GraphQueryException>(() => Store.UnlinkAsync(RelationshipType.CastIn, "nobody", "f2"));
        Assert.Equal((ErrorCodes.NotFound, "from"), (unknown.Code, unknown.Argument));
        var wrongKind = await Assert.ThrowsAsync<GraphQueryException>(() => Store.UnlinkAsync(RelationshipType.ConflictedWith, "ada", "f3"));
        Assert.Equal((ErrorCodes.BadUserInput, "to"), (wrongKind.Code, wrongKind.Argument));
    }

    [SkippableFact]
    public async Task An_invalid_batch_is_refused_whole()
    {
        var bad = GraphBatch.Of(
            people: [new Person("newcomer", "New Comer")],
            relationships: [new Relationship(RelationshipType.CastIn, "newcomer", "no-such-film")]);
        var error = await Assert.ThrowsAsync<GraphWriteException>(() => Store.WriteAsync(bad));
        Assert.Contains(error.Problems, p => p.Place == "relationships[0].to" && p.Message.Contains("no-such-film"));
        Assert.Null(await Store.GetPersonAsync("newcomer"));
        Assert.Equal(error.Problems, await Store.ValidateAsync(bad));
    }
}
