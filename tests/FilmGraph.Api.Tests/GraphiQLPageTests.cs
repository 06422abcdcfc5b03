namespace FilmGraph.Api.Tests;

/// <summary>GraphiQL at /graphiql: the page and every file it loads come from the API itself.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphiQLPageTests(ApiServer server)
{
    [Fact]
    public async Task The_page_answers_with_html_that_loads_its_files_from_this_origin()
    {
        using var response = await server.Client.Http.GetAsync("/graphiql");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"graphiql\">", html);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe", policy);

        var files = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/assets/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/assets/favicon.svg", "/assets/graphiql.css", "/assets/graphiql.js"], files);
        foreach (var file in files)
        {
            using var asset = await server.Client.Http.GetAsync(file);
            Assert.True(asset.StatusCode == System.Net.HttpStatusCode.OK, $"{file}: {(int)asset.StatusCode}");
            Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 50, $"{file} is empty");
        }
        using var missing = await server.Client.Http.GetAsync("/assets/nothing.js");
        Assert.Equal(404, (int)missing.StatusCode);
    }
}
