using System.Text.RegularExpressions;

namespace FilmGraph.Api.Tests;

/// <summary>The production switches (introspection, suggestions), CORS and the security headers.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityTests(ApiServer server)
{
    private const string AllowedOrigin = "https://app.example.com";

    [Fact]
    public async Task Introspection_off_refuses_schema_and_type_but_answers_typename()
    {
        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:GraphQL:Introspection"] = "false" });
        // Twice each: the second time the document comes from the cache, where only one that passed is let through unchecked.
        foreach (var query in new[] { "{ __schema { types { name } } }", """{ __type(name: "Person") { name } }""", "{ s: __schema { queryType { name } } }" }
            .SelectMany(q => new[] { q, q }))
        {
            var strict = await api.Client.PostAsync(query, accept: ApiServer.GraphQLResponse);
            Assert.Equal(400, strict.Status);
            Assert.Equal("NO_INTROSPECTION", strict.Code);
            Assert.Equal("Introspection queries are not allowed.", (string?)strict.Error["message"]);
            Assert.Null(strict.Json["data"]);
        }
        for (var attempt = 0; attempt < 2; attempt++)
            JsonAssert.Equal("""{ "__typename": "Query", "stats": { "__typename": "Stats", "people": 8 } }""",
                await api.Client.DataAsync("{ __typename stats { __typename people } }"));
        Assert.Equal(404, (await api.Client.SendAsync(HttpMethod.Get, "/schema.graphql")).Status);
    }

    [Fact]
    public async Task Suggestions_are_given_by_default_and_not_when_turned_off()
    {
        const string typo = "{ stats { peple } }";
        var suggested = await server.Client.PostAsync(typo);
        Assert.Equal("Cannot query field 'peple' on type 'Stats'. Did you mean 'people'?", (string?)suggested.Error["message"]);

        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:GraphQL:Suggestions"] = "false" });
        var plain = await api.Client.PostAsync(typo);
        Assert.Equal("Cannot query field 'peple' on type 'Stats'.", (string?)plain.Error["message"]);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", plain.Code);
    }

    [Fact]
    public async Task Cors_headers_only_for_an_allowed_origin()
    {
        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:Cors:AllowedOrigins:0"] = AllowedOrigin });

        var allowed = await api.Client.SendAsync(WithOrigin(StartedApi.Post("{ stats { people } }"), AllowedOrigin));
        Assert.Equal(200, allowed.Status);
        Assert.Equal(AllowedOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));

        var other = await api.Client.SendAsync(WithOrigin(StartedApi.Post("{ stats { people } }"), "https://elsewhere.example.com"));
        Assert.Equal(200, other.Status);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await api.Client.SendAsync(Preflight(AllowedOrigin));
        Assert.Equal(204, preflight.Status);
        Assert.Equal(AllowedOrigin, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("Authorization", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);

        var otherPreflight = await api.Client.SendAsync(Preflight("https://elsewhere.example.com"));
        Assert.False(otherPreflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task No_cors_headers_when_no_origin_is_configured()
    {
        var answer = await server.Client.SendAsync(WithOrigin(StartedApi.Post("{ stats { people } }"), AllowedOrigin));
        Assert.Equal(200, answer.Status);
        Assert.DoesNotContain(answer.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

        // Without CORS a preflight is just another method /graphql does not answer.
        var preflight = await server.Client.SendAsync(Preflight(AllowedOrigin));
        Assert.Equal(405, preflight.Status);
        Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_explorer_page_has_a_policy_that_admits_its_own_script_and_style_only()
    {
        using var response = await server.Client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        // The page is its bundles, loaded from its own origin: nothing inline to admit.
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Empty(InlineTexts(html, "script"));
        Assert.Empty(InlineTexts(html, "style"));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/graphql?query=%7Bstats%7Bpeople%7D%7D")]
    [InlineData("/graphql")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/schema.graphql")]
    [InlineData("/metrics")]
    [InlineData("/no-such-page")]
    public async Task Every_response_says_nosniff(string path)
    {
        using var response = await server.Client.Http.GetAsync(path);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static HttpRequestMessage WithOrigin(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = WithOrigin(new HttpRequestMessage(HttpMethod.Options, "/graphql"), origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        return request;
    }

    /// <summary>The text of every inline element of the kind; one with a src (and so no text) has none.</summary>
    private static List<string> InlineTexts(string html, string element) =>
        Regex.Matches(html, $@"<{element}(?:\s[^>]*)?>(.*?)</{element}>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).Where(t => t.Trim().Length > 0).ToList();
}
