namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// A query sent again reuses its parsed document and skips validation once it has passed; these show that nothing a
/// second request must be told is lost that way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentCacheTests(ApiServer server)
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\": [1, 2]}")]
    [InlineData("{\"id\": null}")]
    public async Task Variables_are_coerced_on_a_cached_document_as_on_a_new_one(string variables)
    {
        // Two texts that differ only in the operation's name: one never sent before, one sent until it is cached.
        var tag = Guid.NewGuid().ToString("N");
        var fresh = $"query Fresh{tag}($id: ID!) {{ person(id: $id) {{ id name }} }}";
        var cached = $"query Cached{tag}($id: ID!) {{ person(id: $id) {{ id name }} }}";
        for (var i = 0; i < 3; i++)
            Assert.Equal("emma-stone", (string?)(await server.Client.DataAsync(cached, new { id = "emma-stone" }))["person"]!["id"]);

        var bad = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(variables);
        var first = await server.Client.PostAsync(fresh, bad);
        var again = await server.Client.PostAsync(cached, bad);
        Assert.NotNull(first.Json["errors"]);
        Assert.Equal((first.Status, first.Code, (string?)first.Error["message"]), (again.Status, again.Code, (string?)again.Error["message"]));
        Assert.Equal(first.Json["data"]?.ToJsonString(), again.Json["data"]?.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_document_is_refused_every_time_it_is_sent()
    {
        var query = "{ person(id: \"emma-stone\") { id cacheTestNoSuchField } }";
        for (var i = 0; i < 3; i++)
        {
            var answer = await server.Client.PostAsync(query);
            Assert.Equal("FIELDS_ON_CORRECT_TYPE", answer.Code);
            Assert.Null(answer.Json["data"]);
        }
    }

    [Fact]
    public async Task A_mutation_text_that_ran_once_is_still_refused_without_a_key()
    {
        // Authorization is checked before the cache is consulted for validation: sending the same text again does not
        // turn a refusal into a write.
        var query = "mutation { upsertFilm(film: {id: \"cache-test-film\", title: \"Cache\"}) { created } }";
        for (var i = 0; i < 2; i++) Assert.Equal("UNAUTHENTICATED", (await server.Client.PostAsync(query)).Code);
    }
}
