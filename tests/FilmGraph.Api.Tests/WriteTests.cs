using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FilmGraph.Api.Tests;

/// <summary>
/// Writes over real HTTP: only a caller with a configured key may write; each mutation is checked by the importer's
/// rules, applied whole or not at all, and visible to the next query.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WriteTests(ApiServer server) : IAsyncLifetime
{
    private const string Key = "k3y-for-tests-0123456789";
    private const string HashedKey = "another-key-given-by-hash";

    private readonly CapturedLogs _logs = new();
    private StartedApi _api = null!;

    public async Task InitializeAsync()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey)));
        _api = new StartedApi(await server.StartAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:Seed:Path"] = Path.Combine(ApiServer.RepositoryRoot, "data", "la-la-land.json"),
            ["FilmGraph:Auth:ApiKeys:0"] = Key,
            ["FilmGraph:Auth:ApiKeys:1"] = $"sha256:{hash}",
        }, builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Logging.AddFilter<CapturedLogs>("FilmGraph.Api.Audit", LogLevel.Information);
        }));
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<GraphQLAnswer> WriteAsync(string query, object? variables = null, string? key = Key, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (accept is not null) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await _api.Client.SendAsync(request);
    }

    private static JsonNode Counts(GraphQLAnswer answer, string field)
    {
        Assert.True(answer.Json["errors"] is null, answer.Body);
        return answer.Json["data"]![field]!;
    }

    private const string UpsertZoe = """mutation { upsertPerson(person: { id: "zoe", name: "Zoe Zed", born: 1990 }) { created updated unchanged } }""";

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("k3y-for-tests-0123456788")]
    public async Task A_mutation_without_a_valid_key_is_refused_and_changes_nothing(string? key)
    {
        var answer = await WriteAsync(UpsertZoe, key: key, accept: ApiServer.GraphQLResponse);
        Assert.Equal(401, answer.Status);
        Assert.Equal("UNAUTHENTICATED", answer.Code);
        Assert.Contains("Bearer", answer.Headers.WwwAuthenticate.ToString());
        var json = await WriteAsync(UpsertZoe, key: key);
        Assert.Equal((200, "UNAUTHENTICATED"), (json.Status, json.Code));
        JsonAssert.Equal("""{ "person": null }""", (await _api.Client.PostAsync("""{ person(id: "zoe") { name } }""")).Json["data"]);
    }

    [Fact]
    public async Task Without_keys_configured_the_api_says_it_is_read_only()
    {
        var answer = await server.Client.PostAsync(UpsertZoe);
        Assert.Equal("UNAUTHENTICATED", answer.Code);
        Assert.Contains("read-only", (string?)answer.Error["message"]);
    }

    [Fact]
    public async Task Each_mutation_is_applied_counted_and_visible_to_the_next_query()
    {
        JsonAssert.Equal("""{ "created": 1, "updated": 0, "unchanged": 0 }""", Counts(await WriteAsync(UpsertZoe), "upsertPerson"));
        JsonAssert.Equal("""{ "created": 0, "updated": 0, "unchanged": 1 }""", Counts(await WriteAsync(UpsertZoe, key: HashedKey), "upsertPerson"));
        var renamed = await WriteAsync("""mutation { upsertPerson(person: { id: "zoe", name: "Zoe Zedd", aliases: ["ZZ"] }) { updated } }""");
        JsonAssert.Equal("""{ "updated": 1 }""", Counts(renamed, "upsertPerson"));
        JsonAssert.Equal("""{ "person": { "name": "Zoe Zedd", "born": null, "aliases": ["ZZ"] } }""",
            await _api.Client.DataAsync("""{ person(id: "zoe") { name born aliases } }"""));

        JsonAssert.Equal("""{ "created": 1 }""", Counts(await WriteAsync("""mutation { upsertFilm(film: { id: "zz-film", title: "Zed Film", year: 2020 }) { created } }"""), "upsertFilm"));
        var link = await WriteAsync("""
            mutation { link(relationship: { type: CAST_IN, from: "zoe", to: "zz-film", role: "Herself", source: { document: "test", quote: "as seen" } }) { created } }
            """);
        JsonAssert.Equal("""{ "created": 1 }""", Counts(link, "link"));
        JsonAssert.Equal("""{ "person": { "credits": [ { "role": "Herself", "film": { "title": "Zed Film" }, "source": { "document": "test" } } ] } }""",
            await _api.Client.DataAsync("""{ person(id: "zoe") { credits { role film { title } source { document } } } }"""));

        JsonAssert.Equal("""{ "deleted": 1, "unchanged": 0 }""",
            Counts(await WriteAsync("""mutation { unlink(type: CAST_IN, from: "zoe", to: "zz-film") { deleted unchanged } }"""), "unlink"));
        JsonAssert.Equal("""{ "person": { "credits": [] } }""", await _api.Client.DataAsync("""{ person(id: "zoe") { credits { role } } }"""));
        JsonAssert.Equal("""{ "deleted": 0, "unchanged": 1 }""",
            Counts(await WriteAsync("""mutation { unlink(type: CAST_IN, from: "zoe", to: "zz-film") { deleted unchanged } }"""), "unlink"));

        var audit = _logs.In("FilmGraph.Api.Audit").Select(l => l.Message).ToList();
        Assert.Contains(audit, line => line.Contains("upsertPerson created 1", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, line => line.Contains(Key, StringComparison.Ordinal) || line.Contains(HashedKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_input_changes_nothing_and_names_the_field()
    {
        var answer = await WriteAsync("""mutation { upsertPerson(person: { id: "old-one", name: "Old", born: 1500 }) { created } }""");
        Assert.Equal("BAD_USER_INPUT", answer.Code);
        Assert.Equal("person.born", (string?)answer.Error["extensions"]!["argument"]);
        JsonAssert.Equal("""["upsertPerson"]""", answer.Error["path"]);
        JsonAssert.Equal("""{ "person": null }""", (await _api.Client.PostAsync("""{ person(id: "old-one") { name } }""")).Json["data"]);

        var dangling = await WriteAsync("""mutation { link(relationship: { type: CAST_IN, from: "emma-stone", to: "no-such-film" }) { created } }""");
        Assert.Equal("BAD_USER_INPUT", dangling.Code);
        Assert.StartsWith("relationship.to", (string?)dangling.Error["extensions"]!["argument"]);
    }

    [Fact]
    public async Task A_half_invalid_document_applies_nothing_and_lists_every_problem()
    {
        var document = """
            {
              "people": [
                { "id": "ok-person", "name": "Fine" },
                { "id": "bad-person", "name": "" }
              ],
              "films": [ { "id": "ok-film", "title": "Fine", "year": 1200 } ],
              "relationships": [ { "type": "CAST_IN", "from": "ok-person", "to": "nowhere" } ]
            }
            """;
        var answer = await WriteAsync("mutation($d: String!) { importDocument(document: $d) { created } }", new { d = document });
        var errors = answer.Json["errors"]!.AsArray();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", (string?)e!["extensions"]!["code"]));
        Assert.Equal([4, 6, 7], errors.Select(e => (int)e!["extensions"]!["line"]!).Order());
        JsonAssert.Equal("""{ "person": null }""", (await _api.Client.PostAsync("""{ person(id: "ok-person") { name } }""")).Json["data"]);

        var fixedDocument = document.Replace("\"name\": \"\"", "\"name\": \"Better\"").Replace("1200", "2001").Replace("nowhere", "ok-film");
        JsonAssert.Equal("""{ "created": 4 }""",
            Counts(await WriteAsync("mutation($d: String!) { importDocument(document: $d) { created } }", new { d = fixedDocument }), "importDocument"));
    }

    [Fact]
    public async Task Writes_and_reads_run_side_by_side_without_errors_or_torn_answers()
    {
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var answer = await WriteAsync($$"""mutation { upsertPerson(person: { id: "w{{w}}-{{i}}", name: "Writer {{w}} {{i}}" }) { created } }""");
                Assert.True(answer.Json["errors"] is null, answer.Body);
            }
        }));
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var data = await _api.Client.DataAsync("""{ stats { people } person(id: "emma-stone") { name credits { film { id } } } }""");
                Assert.Equal("Emma Stone", (string?)data["person"]!["name"]);
            }
        }));
        await Task.WhenAll([.. writers, .. readers]);
        var people = (int)(await _api.Client.DataAsync("{ stats { people } }"))["stats"]!["people"]!;
        var seeded = (int)(await server.Client.DataAsync("{ stats { people } }"))["stats"]!["people"]!;
        Assert.Equal(seeded + 90, people);
    }
}
