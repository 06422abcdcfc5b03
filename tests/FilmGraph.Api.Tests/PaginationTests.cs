using System.Text.Json.Nodes;

namespace FilmGraph.Api.Tests;

/// <summary>Connections: walking one page by page gives exactly the whole list, and totalCount its length.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaginationTests(ApiServer server)
{
    /// <summary>Every node of a connection, fetched <paramref name="size"/> at a time, and the totalCount of the first page.</summary>
    private async Task<(List<string> Nodes, int Total, int Pages)> WalkAsync(Func<string, string> query, Func<JsonNode, JsonNode> connection, int size)
    {
        var nodes = new List<string>();
        string? after = null;
        int? total = null;
        var pages = 0;
        for (; pages < 1000; pages++)
        {
            var argument = after is null ? $"first: {size}" : $"first: {size}, after: \"{after}\"";
            var page = connection(await server.Client.DataAsync(query(argument)));
            total ??= (int)page["totalCount"]!;
            Assert.Equal(total, (int)page["totalCount"]!);
            nodes.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!.ToJsonString()));
            if (!(bool)page["pageInfo"]!["hasNextPage"]!) break;
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        return (nodes, total ?? 0, pages + 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    public async Task Credits_page_by_page_are_the_whole_list(int size)
    {
        var whole = (await server.Client.DataAsync("""{ person(id: "emma-stone") { credits { film { id } type role } } }"""))["person"]!["credits"]!
            .AsArray().Select(c => c!.ToJsonString()).ToList();
        var (nodes, total, pages) = await WalkAsync(
            page => $$"""{ person(id: "emma-stone") { creditsConnection({{page}}) { totalCount pageInfo { hasNextPage endCursor } edges { node { film { id } type role } } } } }""",
            data => data["person"]!["creditsConnection"]!, size);
        Assert.Equal(whole, nodes);
        Assert.Equal(whole.Count, total);
        Assert.Equal((whole.Count + size - 1) / size, pages);
    }

    [Fact]
    public async Task Credits_filter_by_year_and_order_newest_first()
    {
        var data = await server.Client.DataAsync("""
            { person(id: "emma-stone") { newest: creditsConnection(order: NEWEST_FIRST) { edges { node { film { year } } } }
                                          recent: creditsConnection(fromYear: 2016) { totalCount } } }
            """);
        var years = data["person"]!["newest"]!["edges"]!.AsArray().Select(e => (int?)e!["node"]!["film"]!["year"]).ToList();
        Assert.True(years.Count > 1);
        Assert.Equal(years.OrderByDescending(y => y ?? int.MinValue).ToList(), years);
        Assert.Equal(years.Count(y => y >= 2016), (int)data["person"]!["recent"]!["totalCount"]!);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task CoStars_page_by_page_are_the_whole_list_and_count_it(int size)
    {
        var whole = (await server.Client.DataAsync("""{ person(id: "emma-stone") { coStars(first: 1000) { person { id } sharedFilms { id } } } }"""))["person"]!["coStars"]!
            .AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.True(whole.Count > 1);
        var (nodes, total, _) = await WalkAsync(
            page => $$"""{ person(id: "emma-stone") { coStarsConnection({{page}}) { totalCount pageInfo { hasNextPage endCursor } edges { node { person { id } sharedFilms { id } } } } } }""",
            data => data["person"]!["coStarsConnection"]!, size);
        Assert.Equal(whole, nodes);
        Assert.Equal(whole.Count, total);
    }

    [Fact]
    public async Task Chain_pages_count_every_shortest_chain_with_chainCount()
    {
        const string Ends = "from: \"emma-watson\", to: \"ryan-gosling\", via: [CAST_IN, DROPPED_FROM]";
        var whole = (await server.Client.DataAsync($$"""{ coStarChains({{Ends}}, first: 100) { links { film { id } to { id } } } count: chainCount({{Ends}}) }"""));
        var chains = whole["coStarChains"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.NotEmpty(chains);
        var (nodes, total, _) = await WalkAsync(
            page => $$"""{ coStarChainsConnection({{Ends}}, {{page}}) { totalCount pageInfo { hasNextPage endCursor } edges { node { links { film { id } to { id } } } } } }""",
            data => data["coStarChainsConnection"]!, 1);
        Assert.Equal(chains, nodes);
        Assert.Equal((int)whole["count"]!, total);
    }

    [Fact]
    public async Task Search_and_replacements_page_like_their_lists()
    {
        var hits = (await server.Client.DataAsync("""{ search(text: "e", first: 100) { id } }"""))["search"]!.AsArray().Select(h => h!.ToJsonString()).ToList();
        var (nodes, total, _) = await WalkAsync(page => $$"""{ searchConnection(text: "e", {{page}}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }""",
            data => data["searchConnection"]!, 2);
        Assert.Equal(hits, nodes);
        Assert.Equal(hits.Count, total);

        var replacements = (await server.Client.DataAsync("{ replacements { role dropped { id } cast { id } } }"))["replacements"]!.AsArray().Select(r => r!.ToJsonString()).ToList();
        var paged = await WalkAsync(page => $$"""{ replacementsConnection({{page}}) { totalCount pageInfo { hasNextPage endCursor } edges { node { role dropped { id } cast { id } } } } }""",
            data => data["replacementsConnection"]!, 1);
        Assert.Equal(replacements, paged.Nodes);
    }

    [Fact]
    public async Task A_cursor_this_api_did_not_give_is_BAD_USER_INPUT()
    {
        var answer = await server.Client.PostAsync("""{ searchConnection(text: "emma", after: "not-a-cursor") { totalCount } }""");
        Assert.Equal("BAD_USER_INPUT", answer.Code);
        Assert.Equal("after", (string?)answer.Error["extensions"]!["argument"]);
    }
}
