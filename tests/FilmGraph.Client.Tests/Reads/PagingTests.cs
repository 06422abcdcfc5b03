using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Reads;

/// <summary>CoStarChainsPageAsync over the server's coStarChainsConnection: pages in coStarChains' order, by cursor.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class PagingTests(FilmGraphApi api)
{
    private readonly FilmGraphClient _client = api.Client();

    [Fact]
    public async Task Pages_follow_one_another_by_cursor_in_the_order_of_the_list()
    {
        var all = (await _client.CoStarChainsAsync("emma-stone", "ryan-gosling")).Select(c => c.Links[0].Film.Id).ToList();
        Assert.Equal(3, all.Count);

        var first = await _client.CoStarChainsPageAsync("emma-stone", "ryan-gosling", first: 2);
        Assert.Equal(all.Take(2), first.Chains.Select(c => c.Links[0].Film.Id));
        Assert.Equal(2, first.Cursors.Count);
        Assert.True(first.HasNextPage);
        Assert.Equal(first.Cursors[^1], first.EndCursor);
        Assert.Equal(3, first.TotalCount);

        var second = await _client.CoStarChainsPageAsync("emma-stone", "ryan-gosling", first: 2, after: first.EndCursor);
        Assert.Equal(all.Skip(2), second.Chains.Select(c => c.Links[0].Film.Id));
        Assert.False(second.HasNextPage);

        var whole = await _client.CoStarChainsPageAsync("emma-stone", "ryan-gosling");
        Assert.Equal(all, whole.Chains.Select(c => c.Links[0].Film.Id));
    }

    [Fact]
    public async Task No_chain_is_an_empty_page_and_a_made_up_cursor_is_BAD_USER_INPUT()
    {
        var none = await _client.CoStarChainsPageAsync("emma-watson", "ryan-gosling");
        Assert.Empty(none.Chains);
        Assert.False(none.HasNextPage);

        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.CoStarChainsPageAsync("emma-stone", "ryan-gosling", after: "not-a-cursor"));
        Assert.Equal((FilmGraphCodes.BadUserInput, "after"), (e.Code, e.Extensions["argument"].GetString()));
    }
}
