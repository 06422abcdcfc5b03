using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using FilmGraph.Api.Hosting;
using FilmGraph.Core;

namespace FilmGraph.Api.Tests;

/// <summary>GraphQL over HTTP: methods, media types, status codes, and 4xx for requests that are not GraphQL requests.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpTests(ApiServer server)
{
    private const string Stats = "{ stats { people } }";

    private static StringContent Json(string body, string mediaType = "application/json") =>
        new(body, Encoding.UTF8) { Headers = { ContentType = MediaTypeHeaderValue.Parse(mediaType) } };

    private static void AssertRequestError(GraphQLAnswer answer, int status, string code)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(code, answer.Code);
        Assert.Null(answer.Json["data"]);
        Assert.DoesNotContain("Exception", answer.Body);
        Assert.DoesNotContain("GraphQL.", answer.Body);
    }

    [Fact]
    public async Task Post_json_answers_with_application_json()
    {
        var answer = await server.Client.PostAsync(Stats);
        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        JsonAssert.Equal("""{ "data": { "stats": { "people": 8 } } }""", answer.Json);
    }

    [Fact]
    public async Task Post_with_charset_and_all_fields_present()
    {
        var answer = await server.Client.SendAsync(HttpMethod.Post, "/graphql",
            Json("""{ "query": "{ stats { films } }", "variables": null, "operationName": null, "extensions": null }""", "application/json; charset=utf-8"));
        JsonAssert.Equal("""{ "data": { "stats": { "films": 5 } } }""", answer.Json);
    }

    [Fact]
    public async Task Accepting_graphql_response_json_gets_it()
    {
        var answer = await server.Client.PostAsync(Stats, accept: ApiServer.GraphQLResponse);
        Assert.Equal(200, answer.Status);
        Assert.Equal(ApiServer.GraphQLResponse, answer.MediaType);
        JsonAssert.Equal("""{ "data": { "stats": { "people": 8 } } }""", answer.Json);
    }

    [Fact]
    public async Task Get_runs_a_query_with_variables()
    {
        var query = Uri.EscapeDataString("query($id: ID!) { person(id: $id) { name } }");
        var variables = Uri.EscapeDataString("""{"id":"emma-stone"}""");
        var answer = await server.Client.SendAsync(HttpMethod.Get, $"/graphql?query={query}&variables={variables}");
        Assert.Equal(200, answer.Status);
        JsonAssert.Equal("""{ "data": { "person": { "name": "Emma Stone" } } }""", answer.Json);
    }

    [Fact]
    public async Task Get_picks_the_operation_by_name()
    {
        var query = Uri.EscapeDataString("query A { stats { people } } query B { stats { films } }");
        var answer = await server.Client.SendAsync(HttpMethod.Get, $"/graphql?query={query}&operationName=B");
        JsonAssert.Equal("""{ "data": { "stats": { "films": 5 } } }""", answer.Json);
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405()
    {
        var query = Uri.EscapeDataString("mutation { anything }");
        var answer = await server.Client.SendAsync(HttpMethod.Get, $"/graphql?query={query}");
        AssertRequestError(answer, 405, "METHOD_NOT_ALLOWED");
        Assert.Equal("POST", string.Join(",", answer.ContentHeaders.Allow.Count > 0 ? answer.ContentHeaders.Allow : answer.Headers.GetValues("Allow")));
    }

    [Fact]
    public async Task Get_refuses_a_named_mutation_among_queries_with_405()
    {
        var query = Uri.EscapeDataString("query Q { stats { people } } mutation M { anything }");
        var answer = await server.Client.SendAsync(HttpMethod.Get, $"/graphql?query={query}&operationName=M");
        AssertRequestError(answer, 405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Other_methods_get_405()
    {
        var answer = await server.Client.SendAsync(HttpMethod.Put, "/graphql", Json($$"""{ "query": "{{Stats}}" }"""));
        AssertRequestError(answer, 405, "METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("""{ "query": "{ stats """)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""[{ "query": "{ stats { people } }" }]""")]
    [InlineData("""{ "query": 5 }""")]
    [InlineData("""{ "query": "{ stats { people } }", "variables": "abc" }""")]
    [InlineData("""{ "query": "{ stats { people } }", "variables": [1] }""")]
    public async Task A_body_that_is_no_GraphQL_request_gets_400(string body) =>
        AssertRequestError(await server.Client.SendAsync(HttpMethod.Post, "/graphql", Json(body)), 400, "BAD_REQUEST");

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{ "query": "  " }""")]
    [InlineData("""{ "variables": {} }""")]
    public async Task A_request_without_query_gets_400(string body) =>
        AssertRequestError(await server.Client.SendAsync(HttpMethod.Post, "/graphql", Json(body)), 400, "BAD_REQUEST");

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?variables=%7B%7D")]
    [InlineData("/graphql?query=%7Bstats%7Bpeople%7D%7D&variables=%5B1%5D")]
    [InlineData("/graphql?query=%7Bstats%7Bpeople%7D%7D&variables=%7Bx")]
    public async Task A_get_without_query_or_with_bad_variables_gets_400(string path) =>
        AssertRequestError(await server.Client.SendAsync(HttpMethod.Get, path), 400, "BAD_REQUEST");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    public async Task Another_content_type_gets_415(string mediaType) =>
        AssertRequestError(await server.Client.SendAsync(HttpMethod.Post, "/graphql", Json($$"""{ "query": "{{Stats}}" }""", mediaType)),
            415, "UNSUPPORTED_MEDIA_TYPE");

    [Fact]
    public async Task A_post_without_content_type_gets_415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{ "query": "{{Stats}}" }"""));
        AssertRequestError(await server.Client.SendAsync(HttpMethod.Post, "/graphql", content), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    /// <summary>
    /// Documents that fail before execution (parse, validation, variables): 400 when the caller accepts
    /// application/graphql-response+json, 200 with application/json; never any data.
    /// </summary>
    [Theory]
    [InlineData("{ stats ", null, "SYNTAX_ERROR")]
    [InlineData("{ stats { people } nope }", null, "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ person(id: \"emma-stone\") { height } }", null, "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("query($id: ID!) { person(id: $id) { id } }", null, "INVALID_VALUE")]
    [InlineData("query($n: Int) { search(text: \"emma\", first: $n) { id } }", """{ "n": "ten" }""", "INVALID_VALUE")]
    [InlineData("{ coStarChain(from: \"emma-stone\", to: \"ryan-gosling\", via: [MARRIED]) { length } }", null, "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("subscription { anything }", null, "OPERATION_NOT_SUPPORTED")]
    public async Task A_document_that_cannot_run_is_400_only_with_graphql_response_json(string query, string? variables, string code)
    {
        var vars = variables is null ? null : JsonNode.Parse(variables);
        var strict = await server.Client.PostAsync(query, vars, ApiServer.GraphQLResponse);
        Assert.Equal(400, strict.Status);
        Assert.Equal(ApiServer.GraphQLResponse, strict.MediaType);
        Assert.Equal(code, strict.Code);
        Assert.Null(strict.Json["data"]);

        var legacy = await server.Client.PostAsync(query, vars);
        Assert.Equal(200, legacy.Status);
        Assert.Equal("application/json", legacy.MediaType);
        Assert.Equal(code, legacy.Code);
        Assert.Null(legacy.Json["data"]);
    }

    [Fact]
    public async Task Errors_before_execution_say_where_and_what()
    {
        var syntax = await server.Client.PostAsync("{ stats ");
        JsonAssert.Equal("""[{ "line": 1, "column": 9 }]""", syntax.Error["locations"]);
        var field = await server.Client.PostAsync("{ stats { people } nope }");
        Assert.Equal("Cannot query field 'nope' on type 'Query'.", (string?)field.Error["message"]);
        var subscription = await server.Client.PostAsync("subscription { anything }");
        Assert.Equal("The FilmGraph schema has no subscriptions.", (string?)subscription.Error["message"]);
    }

    [Fact]
    public async Task A_browser_opening_graphql_is_sent_to_graphiql()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.Client.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await http.SendAsync(request);
        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("/graphiql", response.Headers.Location?.OriginalString);
        Assert.Equal(400, (await server.Client.SendAsync(HttpMethod.Get, "/graphql")).Status);
    }

    [Fact]
    public async Task Over_deep_queries_are_refused()
    {
        var query = "{ person(id: \"emma-stone\") { " + string.Concat(Enumerable.Repeat("coStars { person { ", 8)) + "id" + new string('}', 17) + " }";
        var answer = await server.Client.PostAsync(query, accept: ApiServer.GraphQLResponse);
        Assert.Equal(400, answer.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", answer.Code);
        Assert.Contains("depth", (string?)answer.Error["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Introspection_works()
    {
        var data = await server.Client.DataAsync("""{ __type(name: "RelationshipType") { enumValues { name } } }""");
        JsonAssert.Equal("""
            { "__type": { "enumValues": [ { "name": "CAST_IN" }, { "name": "DROPPED_FROM" }, { "name": "CONFLICTED_WITH" }, { "name": "DIRECTED" },
                                          { "name": "WROTE" }, { "name": "COMPOSED" }, { "name": "PRODUCED" } ] } }
            """, data);
    }

    [Fact]
    public async Task Health_and_readiness()
    {
        Assert.Equal(200, (await server.Client.SendAsync(HttpMethod.Get, "/healthz")).Status);
        Assert.Equal(200, (await server.Client.SendAsync(HttpMethod.Get, "/readyz")).Status);
    }

    [Fact]
    public async Task Choosing_neo4j_with_no_server_there_stops_start_up_naming_the_address()
    {
        // Port 9 on loopback: nothing listens there, so the connection is refused at once.
        var error = await Assert.ThrowsAsync<GraphStoreException>(() => server.StartAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:Store"] = "neo4j",
            ["FilmGraph:Neo4j:Uri"] = "bolt://127.0.0.1:9",
        }));
        Assert.Contains("bolt://127.0.0.1:9", error.Message);

        var unknown = await Assert.ThrowsAsync<GraphStoreException>(() =>
            server.StartAsync(new Dictionary<string, string?> { ["FilmGraph:Store"] = "mongo" }));
        Assert.Contains("'embedded' or 'neo4j'", unknown.Message);
    }

    [Fact]
    public async Task Without_an_open_store_readyz_is_503_and_queries_say_STORE_UNAVAILABLE()
    {
        await using var app = await server.StartAsync(new Dictionary<string, string?> { ["FilmGraph:Seed:Enabled"] = "false" });
        using var http = new HttpClient { BaseAddress = new Uri(ApiServer.Address(app)) };
        var client = new GraphQLClient(http);
        JsonAssert.Equal("""{ "stats": { "people": 0, "films": 0, "relationships": 0 } }""", await client.DataAsync("{ stats { people films relationships } }"));

        await app.Services.GetRequiredService<GraphStoreHost>().StopAsync(CancellationToken.None);

        Assert.Equal(503, (await client.SendAsync(HttpMethod.Get, "/readyz")).Status);
        Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, "/healthz")).Status);
        var answer = await client.PostAsync(Stats);
        Assert.Equal(200, answer.Status);
        Assert.Equal("STORE_UNAVAILABLE", answer.Code);
        JsonAssert.Equal("""["stats"]""", answer.Error["path"]);
    }

    [Fact]
    public async Task The_schema_is_served_as_SDL_and_matches_api_schema_graphql()
    {
        using var response = await server.Client.Http.GetAsync("/schema.graphql");
        Assert.Equal(200, (int)response.StatusCode);
        var served = await response.Content.ReadAsStringAsync();
        // api/schema.graphql is the contract as committed; a change to the schema shows up in review as a change to it.
        var committed = await File.ReadAllTextAsync(Path.Combine(ApiServer.RepositoryRoot, "api", "schema.graphql"));
        Assert.Equal(committed.ReplaceLineEndings(), served.ReplaceLineEndings());
    }

    [Fact]
    public async Task A_store_that_holds_data_is_not_seeded_again()
    {
        var store = Path.Combine(Path.GetTempPath(), $"filmgraph-reseed-{Guid.NewGuid():N}.db");
        var other = Path.Combine(Path.GetTempPath(), $"filmgraph-other-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(other, """{ "people": [ { "id": "someone-else", "name": "Someone Else" } ], "films": [], "relationships": [] }""");
        try
        {
            await using (await server.StartAsync(new Dictionary<string, string?> { ["FilmGraph:Embedded:Path"] = store })) { }
            await using var again = await server.StartAsync(new Dictionary<string, string?> { ["FilmGraph:Embedded:Path"] = store, ["FilmGraph:Seed:Path"] = other });
            using var http = new HttpClient { BaseAddress = new Uri(ApiServer.Address(again)) };
            JsonAssert.Equal("""{ "stats": { "people": 8 }, "person": null }""",
                (await new GraphQLClient(http).PostAsync("""{ stats { people } person(id: "someone-else") { id } }""")).Json["data"]);
        }
        finally
        {
            File.Delete(other);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(store)!, Path.GetFileName(store) + "*")) File.Delete(file);
        }
    }

    [Fact]
    public async Task The_explorer_page_is_served_at_the_root()
    {
        using var response = await server.Client.Http.GetAsync("/");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>FilmGraph explorer</title>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }
}
