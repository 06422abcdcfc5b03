using System.Text.Json.Nodes;

namespace FilmGraph.Api.Tests;

/// <summary>Errors a caller can cause: each has extensions.code, the path of the field, and the argument at fault.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorTests(ApiServer server)
{
    private async Task<JsonNode> ErrorAsync(string query, string code, string path, string? argument)
    {
        var answer = await server.Client.PostAsync(query);
        Assert.Equal(200, answer.Status);
        Assert.Equal(code, answer.Code);
        JsonAssert.Equal(path, answer.Error["path"]);
        Assert.Equal(argument, (string?)answer.Error["extensions"]?["argument"]);
        Assert.DoesNotContain("   at ", answer.Body);
        Assert.DoesNotContain("Exception", answer.Body);
        return answer.Json;
    }

    [Fact]
    public async Task Unknown_person_id_is_NOT_FOUND_and_the_field_is_null()
    {
        var json = await ErrorAsync("""{ person(id: "nobody") { id } }""", "NOT_FOUND", """["person"]""", "id");
        Assert.Equal("No person has id 'nobody'.", (string?)json["errors"]![0]!["message"]);
        var raw = await server.Client.PostAsync("""{ person(id: "nobody") { id } }""");
        Assert.Contains("'nobody'", raw.Body);
        JsonAssert.Equal("""{ "person": null }""", json["data"]);
    }

    [Fact]
    public async Task Unknown_name_and_title_are_NOT_FOUND()
    {
        await ErrorAsync("""{ person(name: "Nobody Atall") { id } }""", "NOT_FOUND", """["person"]""", "name");
        await ErrorAsync("""{ film(title: "La La Land", year: 1999) { id } }""", "NOT_FOUND", """["film"]""", "title");
        await ErrorAsync("""{ film(id: "no-film") { id } }""", "NOT_FOUND", """["film"]""", "id");
    }

    [Fact]
    public async Task Person_needs_exactly_one_argument()
    {
        await ErrorAsync("{ person { id } }", "BAD_USER_INPUT", """["person"]""", "id");
        await ErrorAsync("""{ person(id: "emma-stone", name: "Emma Stone") { id } }""", "BAD_USER_INPUT", """["person"]""", "name");
        await ErrorAsync("""{ film(id: "whiplash-2014", year: 2014) { id } }""", "BAD_USER_INPUT", """["film"]""", "year");
    }

    [Fact]
    public async Task Only_the_failing_field_is_null()
    {
        var json = await ErrorAsync("""{ a: person(id: "emma-stone") { id } b: person(id: "x") { id } }""", "NOT_FOUND", """["b"]""", "id");
        JsonAssert.Equal("""{ "a": { "id": "emma-stone" }, "b": null }""", json["data"]);
    }

    [Theory]
    [InlineData("""e: search(text: " ", first: 3) { id }""")]
    [InlineData("""e: coStarChains(from: "emma-stone", to: "nobody") { length }""")]
    [InlineData("""e: neighbourhood(id: "nobody") { truncated }""")]
    [InlineData("""e: reach(id: "nobody") { reachable }""")]
    [InlineData("""e: replacements(film: "nobody") { role }""")]
    public async Task A_failing_root_field_costs_only_itself(string failing)
    {
        var answer = await server.Client.PostAsync($$"""{ d: separation(from: "emma-stone", to: "ryan-gosling") {{failing}} }""");
        Assert.Equal(200, answer.Status);
        JsonAssert.Equal("""["e"]""", answer.Error["path"]);
        JsonAssert.Equal("""{ "d": 1, "e": null }""", answer.Json["data"]);
    }

    [Fact]
    public async Task Excluded_ids_that_are_unknown_or_of_the_other_kind_are_refused()
    {
        await ErrorAsync("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", excludeFilms: ["m-a-few-good-mn"]) { length } }""",
            "NOT_FOUND", """["coStarChain"]""", "excludeFilms");
        var json = await ErrorAsync("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", excludeFilms: ["emma-watson"]) { length } }""",
            "BAD_USER_INPUT", """["coStarChain"]""", "excludeFilms");
        Assert.Equal("'emma-watson' is a person, not a film.", (string?)json["errors"]![0]!["message"]);
        await ErrorAsync("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", excludePeople: ["la-la-land-2016"]) { length } }""",
            "BAD_USER_INPUT", """["coStarChain"]""", "excludePeople");
    }

    [Fact]
    public async Task Unknown_ids_in_traversals_are_NOT_FOUND_naming_the_argument()
    {
        await ErrorAsync("""{ coStarChain(from: "nobody", to: "ryan-gosling") { length } }""", "NOT_FOUND", """["coStarChain"]""", "from");
        await ErrorAsync("""{ coStarChains(from: "emma-stone", to: "nobody") { length } }""", "NOT_FOUND", """["coStarChains"]""", "to");
        await ErrorAsync("""{ separation(from: "emma-stone", to: "nobody") }""", "NOT_FOUND", """["separation"]""", "to");
        await ErrorAsync("""{ chainCount(from: "nobody", to: "emma-stone") }""", "NOT_FOUND", """["chainCount"]""", "from");
        await ErrorAsync("""{ neighbourhood(id: "nobody") { truncated } }""", "NOT_FOUND", """["neighbourhood"]""", "id");
        await ErrorAsync("""{ reach(id: "nobody") { reachable } }""", "NOT_FOUND", """["reach"]""", "id");
        await ErrorAsync("""{ replacements(film: "nobody") { role } }""", "NOT_FOUND", """["replacements"]""", "film");
    }

    [Theory]
    [InlineData("""{ coStarChains(from: "emma-stone", to: "ryan-gosling", maxHops: 13) { length } }""", "coStarChains", "maxHops")]
    [InlineData("""{ coStarChains(from: "emma-stone", to: "ryan-gosling", first: 101) { length } }""", "coStarChains", "first")]
    [InlineData("""{ coStarChains(from: "emma-stone", to: "ryan-gosling", first: 0) { length } }""", "coStarChains", "first")]
    [InlineData("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", maxHops: -1) { length } }""", "coStarChain", "maxHops")]
    [InlineData("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", via: [CONFLICTED_WITH]) { length } }""", "coStarChain", "via")]
    [InlineData("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", via: []) { length } }""", "coStarChain", "via")]
    [InlineData("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", fromYear: 2016, toYear: 2011) { length } }""", "coStarChain", "fromYear")]
    [InlineData("""{ coStarChain(from: "emma-stone", to: "ryan-gosling", excludePeople: ["ryan-gosling"]) { length } }""", "coStarChain", "excludePeople")]
    [InlineData("""{ separation(from: "emma-stone", to: "ryan-gosling", maxHops: 100) }""", "separation", "maxHops")]
    [InlineData("""{ separation(from: "la-la-land-2016", to: "emma-stone") }""", "separation", "from")]
    [InlineData("""{ chainCount(from: "emma-stone", to: "ryan-gosling", maxHops: 13) }""", "chainCount", "maxHops")]
    [InlineData("""{ chainCount(from: "emma-stone", to: "la-la-land-2016") }""", "chainCount", "to")]
    [InlineData("""{ chainCount(from: "emma-stone", to: "ryan-gosling", excludePeople: ["emma-stone"]) }""", "chainCount", "excludePeople")]
    [InlineData("""{ reach(id: "whiplash-2014") { reachable } }""", "reach", "id")]
    [InlineData("""{ neighbourhood(id: "emma-stone", depth: 4) { truncated } }""", "neighbourhood", "depth")]
    [InlineData("""{ neighbourhood(id: "emma-stone", limit: 5001) { truncated } }""", "neighbourhood", "limit")]
    [InlineData("""{ reach(id: "emma-stone", maxHops: 13) { reachable } }""", "reach", "maxHops")]
    [InlineData("""{ search(text: "emma", first: 101) { id } }""", "search", "first")]
    [InlineData("""{ search(text: "  ") { id } }""", "search", "text")]
    public async Task Arguments_out_of_range_are_BAD_USER_INPUT(string query, string field, string argument) =>
        await ErrorAsync(query, "BAD_USER_INPUT", $"""["{field}"]""", argument);

    [Fact]
    public async Task A_nested_field_error_has_the_full_path()
    {
        var json = await ErrorAsync("""{ person(id: "emma-stone") { coStars(first: 1001) { person { id } } } }""",
            "BAD_USER_INPUT", """["person", "coStars"]""", "first");
        JsonAssert.Equal("""{ "person": null }""", json["data"]);
    }

    [Fact]
    public async Task An_over_long_search_is_BAD_USER_INPUT()
    {
        var answer = await server.Client.PostAsync("query($t: String!) { search(text: $t) { id } }", new { t = new string('a', 201) });
        Assert.Equal("BAD_USER_INPUT", answer.Code);
    }

    [Fact]
    public async Task A_name_several_people_share_is_AMBIGUOUS_listing_their_ids()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"filmgraph-ambiguous-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, """
            { "people": [ { "id": "john-smith-1", "name": "John Smith" }, { "id": "john-smith-2", "name": "John Smith" } ],
              "films": [ { "id": "hamlet-1948", "title": "Hamlet", "year": 1948 }, { "id": "hamlet-1996", "title": "Hamlet", "year": 1996 } ],
              "relationships": [] }
            """);
        try
        {
            await using var app = await server.StartAsync(new Dictionary<string, string?> { ["FilmGraph:Seed:Path"] = seed });
            using var http = new HttpClient { BaseAddress = new Uri(ApiServer.Address(app)) };
            var other = new GraphQLClient(http);

            var person = await other.PostAsync("""{ person(name: "John Smith") { id } }""");
            Assert.Equal("AMBIGUOUS", person.Code);
            Assert.Equal("2 people are named 'John Smith': john-smith-1, john-smith-2; ask by id.", (string?)person.Error["message"]);
            JsonAssert.Equal("""["person"]""", person.Error["path"]);

            var film = await other.PostAsync("""{ film(title: "Hamlet") { id } }""");
            Assert.Equal("AMBIGUOUS", film.Code);
            Assert.Contains("hamlet-1948, hamlet-1996", (string?)film.Error["message"]);

            var byYear = await other.PostAsync("""{ film(title: "Hamlet", year: 1996) { id } }""");
            JsonAssert.Equal("""{ "film": { "id": "hamlet-1996" } }""", byYear.Json["data"]);
        }
        finally
        {
            File.Delete(seed);
        }
    }
}
