namespace FilmGraph.Api.Tests;

/// <summary>Every field of the schema contract, against the sample data, with exact answers.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryTests(ApiServer server)
{
    private const string LinkFields = "from { id } film { id } to { id } fromRole toRole fromType toType";

    [Fact]
    public async Task Person_by_id_has_its_fields()
    {
        var data = await server.Client.DataAsync("""{ person(id: "emma-stone") { id name born aliases } }""");
        JsonAssert.Equal("""{ "person": { "id": "emma-stone", "name": "Emma Stone", "born": null, "aliases": [] } }""", data);
    }

    [Fact]
    public async Task Person_by_name_ignores_case_and_spacing()
    {
        var data = await server.Client.DataAsync("""{ person(name: "  EMMA   stone ") { id } }""");
        JsonAssert.Equal("""{ "person": { "id": "emma-stone" } }""", data);
    }

    [Fact]
    public async Task Person_credits_are_by_film_then_type_with_sources()
    {
        var data = await server.Client.DataAsync("""{ person(id: "emma-stone") { credits { film { id } type role billing reason source { document } } } }""");
        JsonAssert.Equal("""
            { "person": { "credits": [
              { "film": { "id": "crazy-stupid-love-2011" }, "type": "CAST_IN", "role": null, "billing": null, "reason": null, "source": { "document": "la-la-land-article.txt" } },
              { "film": { "id": "gangster-squad-2013" }, "type": "CAST_IN", "role": null, "billing": null, "reason": null, "source": { "document": "la-la-land-article.txt" } },
              { "film": { "id": "la-la-land-2016" }, "type": "CAST_IN", "role": "Mia", "billing": null, "reason": null, "source": { "document": "la-la-land-article.txt" } }
            ] } }
            """, data);
    }

    [Fact]
    public async Task Person_credits_filter_by_type()
    {
        var data = await server.Client.DataAsync("""{ person(id: "ryan-gosling") { credits(types: [DROPPED_FROM]) { film { id } type role reason source { document quote } } } }""");
        JsonAssert.Equal("""
            { "person": { "credits": [
              { "film": { "id": "beauty-and-the-beast-2017" }, "type": "DROPPED_FROM", "role": null, "reason": "He was working on La La Land.",
                "source": { "document": "la-la-land-article.txt", "quote": "Ryan Gosling couldn't do 'Beauty and the Beast' because he was working on 'La La Land'" } }
            ] } }
            """, data);
    }

    [Fact]
    public async Task CoStars_most_shared_first()
    {
        var data = await server.Client.DataAsync("""
            { all: person(id: "emma-stone") { coStars { person { id } sharedFilms { id } } }
              one: person(id: "emma-stone") { coStars(first: 1) { person { id } } } }
            """);
        JsonAssert.Equal("""
            { "all": { "coStars": [
                { "person": { "id": "ryan-gosling" }, "sharedFilms": [ { "id": "crazy-stupid-love-2011" }, { "id": "gangster-squad-2013" }, { "id": "la-la-land-2016" } ] },
                { "person": { "id": "john-legend" }, "sharedFilms": [ { "id": "la-la-land-2016" } ] } ] },
              "one": { "coStars": [ { "person": { "id": "ryan-gosling" } } ] } }
            """, data);
    }

    [Fact]
    public async Task Conflicts_show_from_both_sides()
    {
        var data = await server.Client.DataAsync("""
            { teller: person(id: "miles-teller") { conflicts { person { id } outgoing context { id } contextText description source { document } } }
              chazelle: person(id: "damien-chazelle") { conflicts { person { id } outgoing context { id } } }
              stone: person(id: "emma-stone") { conflicts { person { id } } } }
            """);
        JsonAssert.Equal("""
            { "teller": { "conflicts": [ { "person": { "id": "damien-chazelle" }, "outgoing": true, "context": { "id": "la-la-land-2016" },
                "contextText": "la-la-land-2016",
                "description": "Chazelle dropped Teller from La La Land at the last minute, deciding he wasn't right for the role; the relationship didn't end on the best of terms.",
                "source": { "document": "la-la-land-article.txt" } } ] },
              "chazelle": { "conflicts": [ { "person": { "id": "miles-teller" }, "outgoing": false, "context": { "id": "la-la-land-2016" } } ] },
              "stone": { "conflicts": [] } }
            """, data);
    }

    [Fact]
    public async Task Replaced_lists_whom_the_person_replaced_and_replacedBy_who_replaced_them()
    {
        var data = await server.Client.DataAsync("""
            { gosling: person(id: "ryan-gosling") { replaced { film { id } role dropped { id } cast { id } } replacedBy { role } }
              teller: person(id: "miles-teller") { replaced { role } replacedBy { film { id } role dropped { id } cast { id } reason } }
              stone: person(id: "emma-stone") { replaced { role dropped { id } } replacedBy { role } }
              watson: person(id: "emma-watson") { replaced { role } replacedBy { role cast { id } } } }
            """);
        JsonAssert.Equal("""
            { "gosling": { "replaced": [ { "film": { "id": "la-la-land-2016" }, "role": "Sebastian", "dropped": { "id": "miles-teller" }, "cast": { "id": "ryan-gosling" } } ],
                           "replacedBy": [] },
              "teller": { "replaced": [],
                          "replacedBy": [ { "film": { "id": "la-la-land-2016" }, "role": "Sebastian", "dropped": { "id": "miles-teller" }, "cast": { "id": "ryan-gosling" },
                                            "reason": "The director decided he wasn't right for the role." } ] },
              "stone": { "replaced": [ { "role": "Mia", "dropped": { "id": "emma-watson" } } ], "replacedBy": [] },
              "watson": { "replaced": [], "replacedBy": [ { "role": "Mia", "cast": { "id": "emma-stone" } } ] } }
            """, data);
    }

    [Fact]
    public async Task Film_by_id_with_credits_by_type_then_person()
    {
        var data = await server.Client.DataAsync("""{ film(id: "la-la-land-2016") { id title year credits { person { id } type role billing reason } } }""");
        JsonAssert.Equal("""
            { "film": { "id": "la-la-land-2016", "title": "La La Land", "year": 2016, "credits": [
              { "person": { "id": "emma-stone" }, "type": "CAST_IN", "role": "Mia", "billing": null, "reason": null },
              { "person": { "id": "john-legend" }, "type": "CAST_IN", "role": "Keith", "billing": null, "reason": null },
              { "person": { "id": "ryan-gosling" }, "type": "CAST_IN", "role": "Sebastian", "billing": null, "reason": null },
              { "person": { "id": "emma-watson" }, "type": "DROPPED_FROM", "role": "Mia", "billing": null, "reason": "Scheduling conflicts with Beauty and the Beast." },
              { "person": { "id": "miles-teller" }, "type": "DROPPED_FROM", "role": "Sebastian", "billing": null, "reason": "The director decided he wasn't right for the role." },
              { "person": { "id": "damien-chazelle" }, "type": "DIRECTED", "role": null, "billing": null, "reason": null },
              { "person": { "id": "justin-hurwitz" }, "type": "COMPOSED", "role": null, "billing": null, "reason": null }
            ] } }
            """, data);
    }

    [Fact]
    public async Task Film_by_title_and_year_with_filtered_credits()
    {
        var data = await server.Client.DataAsync("""
            { byTitle: film(title: "crazy stupid love") { id year }
              byYear: film(title: "Whiplash", year: 2014) { id credits(types: [DIRECTED]) { person { id } type source { document quote } } } }
            """);
        JsonAssert.Equal("""
            { "byTitle": { "id": "crazy-stupid-love-2011", "year": 2011 },
              "byYear": { "id": "whiplash-2014", "credits": [ { "person": { "id": "damien-chazelle" }, "type": "DIRECTED",
                                                                      "source": { "document": "Whiplash (2014), film credits", "quote": null } } ] } }
            """, data);
    }

    [Fact]
    public async Task Film_replacements()
    {
        var data = await server.Client.DataAsync("""
            { laLaLand: film(id: "la-la-land-2016") { replacements { role dropped { id } cast { id } } }
              whiplash: film(id: "whiplash-2014") { replacements { role } } }
            """);
        JsonAssert.Equal("""
            { "laLaLand": { "replacements": [ { "role": "Mia", "dropped": { "id": "emma-watson" }, "cast": { "id": "emma-stone" } },
                                              { "role": "Sebastian", "dropped": { "id": "miles-teller" }, "cast": { "id": "ryan-gosling" } } ] },
              "whiplash": { "replacements": [] } }
            """, data);
    }

    [Fact]
    public async Task Search_finds_people_and_films_best_first()
    {
        var data = await server.Client.DataAsync("""
            { people: search(text: "emma") { kind id label score person { id } film { id } }
              films: search(text: "la la") { kind id label film { id year } }
              one: search(text: "emma", first: 1) { id }
              typo: search(text: "gossling") { id } }
            """);
        JsonAssert.Equal("""
            { "people": [ { "kind": "PERSON", "id": "emma-stone", "label": "Emma Stone", "score": 1.25, "person": { "id": "emma-stone" }, "film": null },
                          { "kind": "PERSON", "id": "emma-watson", "label": "Emma Watson", "score": 1.25, "person": { "id": "emma-watson" }, "film": null } ],
              "films": [ { "kind": "FILM", "id": "la-la-land-2016", "label": "La La Land", "film": { "id": "la-la-land-2016", "year": 2016 } } ],
              "one": [ { "id": "emma-stone" } ],
              "typo": [ { "id": "ryan-gosling" } ] }
            """, data);
    }

    [Fact]
    public async Task CoStarChains_Emma_Stone_to_Ryan_Gosling_are_three_of_length_one_in_film_order()
    {
        var data = await server.Client.DataAsync($$"""{ coStarChains(from: "emma-stone", to: "ryan-gosling") { length links { {{LinkFields}} } } }""");
        JsonAssert.Equal("""
            { "coStarChains": [
              { "length": 1, "links": [ { "from": { "id": "emma-stone" }, "film": { "id": "crazy-stupid-love-2011" }, "to": { "id": "ryan-gosling" },
                                          "fromRole": null, "toRole": null, "fromType": "CAST_IN", "toType": "CAST_IN" } ] },
              { "length": 1, "links": [ { "from": { "id": "emma-stone" }, "film": { "id": "gangster-squad-2013" }, "to": { "id": "ryan-gosling" },
                                          "fromRole": null, "toRole": null, "fromType": "CAST_IN", "toType": "CAST_IN" } ] },
              { "length": 1, "links": [ { "from": { "id": "emma-stone" }, "film": { "id": "la-la-land-2016" }, "to": { "id": "ryan-gosling" },
                                          "fromRole": "Mia", "toRole": "Sebastian", "fromType": "CAST_IN", "toType": "CAST_IN" } ] }
            ] }
            """, data);
    }

    [Fact]
    public async Task CoStarChains_first_keeps_the_least()
    {
        var data = await server.Client.DataAsync("""{ coStarChains(from: "emma-stone", to: "ryan-gosling", first: 2) { links { film { id } } } }""");
        JsonAssert.Equal("""
            { "coStarChains": [ { "links": [ { "film": { "id": "crazy-stupid-love-2011" } } ] }, { "links": [ { "film": { "id": "gangster-squad-2013" } } ] } ] }
            """, data);
    }

    [Fact]
    public async Task CoStarChain_Emma_Watson_to_Ryan_Gosling_needs_DROPPED_FROM()
    {
        var data = await server.Client.DataAsync($$"""
            { castOnly: coStarChain(from: "emma-watson", to: "ryan-gosling") { length }
              withDrops: coStarChain(from: "emma-watson", to: "ryan-gosling", via: [CAST_IN, DROPPED_FROM]) { length links { {{LinkFields}} } } }
            """);
        JsonAssert.Equal("""
            { "castOnly": null,
              "withDrops": { "length": 1, "links": [ { "from": { "id": "emma-watson" }, "film": { "id": "beauty-and-the-beast-2017" }, "to": { "id": "ryan-gosling" },
                                                       "fromRole": null, "toRole": null, "fromType": "CAST_IN", "toType": "DROPPED_FROM" } ] } }
            """, data);
    }

    [Fact]
    public async Task CoStarChain_filters_exclude_films_people_and_years()
    {
        var data = await server.Client.DataAsync("""
            { noCrazy: coStarChain(from: "emma-stone", to: "ryan-gosling", excludeFilms: ["crazy-stupid-love-2011"]) { links { film { id } } }
              recent: coStarChain(from: "emma-stone", to: "ryan-gosling", fromYear: 2014) { links { film { id } } }
              early: coStarChain(from: "emma-stone", to: "ryan-gosling", fromYear: 2012, toYear: 2013) { links { film { id } } }
              none: coStarChain(from: "emma-stone", to: "ryan-gosling", toYear: 2010) { length }
              viaChazelle: coStarChain(from: "miles-teller", to: "john-legend", via: [CAST_IN, DIRECTED]) { length links { from { id } film { id } to { id } } }
              notViaChazelle: coStarChain(from: "miles-teller", to: "john-legend", via: [CAST_IN, DIRECTED], excludePeople: ["damien-chazelle"]) { length }
              self: coStarChain(from: "emma-stone", to: "emma-stone") { length links { film { id } } } }
            """);
        JsonAssert.Equal("""
            { "noCrazy": { "links": [ { "film": { "id": "gangster-squad-2013" } } ] },
              "recent": { "links": [ { "film": { "id": "la-la-land-2016" } } ] },
              "early": { "links": [ { "film": { "id": "gangster-squad-2013" } } ] },
              "none": null,
              "viaChazelle": { "length": 2, "links": [
                { "from": { "id": "miles-teller" }, "film": { "id": "whiplash-2014" }, "to": { "id": "damien-chazelle" } },
                { "from": { "id": "damien-chazelle" }, "film": { "id": "la-la-land-2016" }, "to": { "id": "john-legend" } } ] },
              "notViaChazelle": null,
              "self": { "length": 0, "links": [] } }
            """, data);
    }

    [Fact]
    public async Task Separation_counts_films_or_is_null()
    {
        var data = await server.Client.DataAsync("""
            { one: separation(from: "emma-stone", to: "ryan-gosling")
              self: separation(from: "emma-stone", to: "emma-stone")
              none: separation(from: "emma-watson", to: "ryan-gosling")
              withDrops: separation(from: "emma-watson", to: "ryan-gosling", via: [CAST_IN, DROPPED_FROM])
              two: separation(from: "miles-teller", to: "emma-stone", via: [CAST_IN, DIRECTED])
              tooFar: separation(from: "miles-teller", to: "emma-stone", via: [CAST_IN, DIRECTED], maxHops: 1) }
            """);
        JsonAssert.Equal("""{ "one": 1, "self": 0, "none": null, "withDrops": 1, "two": 2, "tooFar": null }""", data);
    }

    [Fact]
    public async Task ChainCount_counts_the_chains_coStarChains_lists_with_the_same_filters()
    {
        var data = await server.Client.DataAsync("""
            { count: chainCount(from: "emma-stone", to: "ryan-gosling")
              chains: coStarChains(from: "emma-stone", to: "ryan-gosling", first: 100) { length }
              self: chainCount(from: "emma-stone", to: "emma-stone")
              none: chainCount(from: "emma-watson", to: "ryan-gosling")
              withDrops: chainCount(from: "emma-watson", to: "ryan-gosling", via: [CAST_IN, DROPPED_FROM])
              noCrazy: chainCount(from: "emma-stone", to: "ryan-gosling", excludeFilms: ["crazy-stupid-love-2011"])
              recent: chainCount(from: "emma-stone", to: "ryan-gosling", fromYear: 2014)
              viaChazelle: chainCount(from: "miles-teller", to: "john-legend", via: [CAST_IN, DIRECTED])
              notViaChazelle: chainCount(from: "miles-teller", to: "john-legend", via: [CAST_IN, DIRECTED], excludePeople: ["damien-chazelle"])
              tooFar: chainCount(from: "miles-teller", to: "emma-stone", via: [CAST_IN, DIRECTED], maxHops: 1) }
            """);
        JsonAssert.Equal("""
            { "count": 3, "chains": [ { "length": 1 }, { "length": 1 }, { "length": 1 } ], "self": 1, "none": null, "withDrops": 2,
              "noCrazy": 2, "recent": 1, "viaChazelle": 1, "notViaChazelle": null, "tooFar": null }
            """, data);
    }

    [Fact]
    public async Task Neighbourhood_has_nodes_edges_and_truncation()
    {
        var data = await server.Client.DataAsync("""
            { all: neighbourhood(id: "emma-watson") { nodes { id kind label year distance } edges { type from to role } truncated }
              cast: neighbourhood(id: "emma-watson", types: [CAST_IN]) { nodes { id } edges { type from to } truncated }
              cut: neighbourhood(id: "emma-watson", limit: 2) { truncated } }
            """);
        JsonAssert.Equal("""
            { "all": { "nodes": [
                  { "id": "emma-watson", "kind": "PERSON", "label": "Emma Watson", "year": null, "distance": 0 },
                  { "id": "beauty-and-the-beast-2017", "kind": "FILM", "label": "Beauty and the Beast", "year": 2017, "distance": 1 },
                  { "id": "la-la-land-2016", "kind": "FILM", "label": "La La Land", "year": 2016, "distance": 1 } ],
                "edges": [
                  { "type": "CAST_IN", "from": "emma-watson", "to": "beauty-and-the-beast-2017", "role": null },
                  { "type": "DROPPED_FROM", "from": "emma-watson", "to": "la-la-land-2016", "role": "Mia" } ],
                "truncated": false },
              "cast": { "nodes": [ { "id": "emma-watson" }, { "id": "beauty-and-the-beast-2017" } ],
                        "edges": [ { "type": "CAST_IN", "from": "emma-watson", "to": "beauty-and-the-beast-2017" } ], "truncated": false },
              "cut": { "truncated": true } }
            """, data);
    }

    [Fact]
    public async Task Reach_counts_people_at_each_distance()
    {
        var data = await server.Client.DataAsync("""
            { stone: reach(id: "emma-stone") { id levels { distance people } reachable averageDistance }
              watson: reach(id: "emma-watson", via: [CAST_IN, DROPPED_FROM]) { levels { distance people } reachable averageDistance }
              teller: reach(id: "miles-teller") { levels { distance people } reachable averageDistance }
              tellerWide: reach(id: "miles-teller", via: [CAST_IN, DIRECTED]) { levels { distance people } reachable averageDistance } }
            """);
        JsonAssert.Equal("""
            { "stone": { "id": "emma-stone", "levels": [ { "distance": 0, "people": 1 }, { "distance": 1, "people": 2 } ], "reachable": 2, "averageDistance": 1 },
              "watson": { "levels": [ { "distance": 0, "people": 1 }, { "distance": 1, "people": 4 } ], "reachable": 4, "averageDistance": 1 },
              "teller": { "levels": [ { "distance": 0, "people": 1 } ], "reachable": 0, "averageDistance": null },
              "tellerWide": { "levels": [ { "distance": 0, "people": 1 }, { "distance": 1, "people": 1 }, { "distance": 2, "people": 3 } ],
                              "reachable": 4, "averageDistance": 1.75 } }
            """, data);
    }

    [Fact]
    public async Task Replacements_on_La_La_Land_and_everywhere()
    {
        var data = await server.Client.DataAsync("""
            { laLaLand: replacements(film: "la-la-land-2016") { film { id title } role dropped { id name } cast { id name } reason source { document quote } }
              everywhere: replacements { film { id } role dropped { id } cast { id } }
              whiplash: replacements(film: "whiplash-2014") { role } }
            """);
        JsonAssert.Equal("""
            { "laLaLand": [
                { "film": { "id": "la-la-land-2016", "title": "La La Land" }, "role": "Mia",
                  "dropped": { "id": "emma-watson", "name": "Emma Watson" }, "cast": { "id": "emma-stone", "name": "Emma Stone" },
                  "reason": "Scheduling conflicts with Beauty and the Beast.",
                  "source": { "document": "la-la-land-article.txt", "quote": "the former couldn't do it because of scheduling conflicts with 'Beauty and the Beast'" } },
                { "film": { "id": "la-la-land-2016", "title": "La La Land" }, "role": "Sebastian",
                  "dropped": { "id": "miles-teller", "name": "Miles Teller" }, "cast": { "id": "ryan-gosling", "name": "Ryan Gosling" },
                  "reason": "The director decided he wasn't right for the role.",
                  "source": { "document": "la-la-land-article.txt", "quote": "was dropped at the last minute when the director decided he wasn't right for the role" } } ],
              "everywhere": [
                { "film": { "id": "la-la-land-2016" }, "role": "Mia", "dropped": { "id": "emma-watson" }, "cast": { "id": "emma-stone" } },
                { "film": { "id": "la-la-land-2016" }, "role": "Sebastian", "dropped": { "id": "miles-teller" }, "cast": { "id": "ryan-gosling" } } ],
              "whiplash": [] }
            """, data);
    }

    [Fact]
    public async Task Stats_count_the_sample()
    {
        var data = await server.Client.DataAsync("{ stats { people films relationships } }");
        JsonAssert.Equal("""{ "stats": { "people": 8, "films": 5, "relationships": 16 } }""", data);
    }

    [Fact]
    public async Task Variables_and_operation_name_select_what_runs()
    {
        var answer = await server.Client.PostAsync(
            "query A($id: ID!) { person(id: $id) { name } } query B { stats { films } }",
            variables: new { id = "john-legend" }, operationName: "A");
        Assert.Equal(200, answer.Status);
        JsonAssert.Equal("""{ "data": { "person": { "name": "John Legend" } } }""", answer.Json);
    }
}
