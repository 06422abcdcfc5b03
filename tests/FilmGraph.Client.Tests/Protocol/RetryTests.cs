using System.Net;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Protocol;

/// <summary>A 429 is waited out as its Retry-After says, a bounded number of times, then thrown with the wait.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class RetryTests(FilmGraphApi api)
{
    // One request a second per client: the second of two at once is refused for about a second.
    private static readonly Dictionary<string, string?> OnePerSecond = new()
    {
        ["FilmGraph:RateLimit:PermitLimit"] = "1",
        ["FilmGraph:RateLimit:Period"] = "00:00:01",
    };

    [Fact]
    public async Task A_refused_request_is_sent_again_after_Retry_After_and_answered()
    {
        var address = await api.StartAsync(OnePerSecond);
        var log = new RequestLog();
        var client = api.Client(address, configure: o => o.PersistedQueries = false, log: log);

        await client.GetPersonAsync("emma-stone");
        var started = DateTime.UtcNow;
        Assert.Equal("Ryan Gosling", (await client.GetPersonAsync("ryan-gosling")).Name);

        var statuses = log.Entries.Select(e => e.Status).ToList();
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[1]);
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        // The refill may land just after the first retry on a slow machine; the retries last for that.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 1, 3);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry came before the Retry-After had passed");
    }

    [Fact]
    public async Task Past_the_retries_the_refusal_is_thrown_with_its_code_and_wait()
    {
        var address = await api.StartAsync(OnePerSecond);
        var log = new RequestLog();
        var client = api.Client(address, configure: o => (o.PersistedQueries, o.MaxRetries) = (false, 0), log: log);

        await client.SearchAsync("emma");
        var e = await Assert.ThrowsAsync<FilmGraphRateLimitedException>(() => client.SearchAsync("emma"));
        Assert.Equal(FilmGraphCodes.RateLimited, e.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), e.RetryAfter);
        Assert.Equal(2, log.Entries.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_the_client_allows_is_thrown_at_once()
    {
        var address = await api.StartAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:RateLimit:PermitLimit"] = "1",
            ["FilmGraph:RateLimit:Period"] = "01:00:00",
        });
        var log = new RequestLog();
        var client = api.Client(address, configure: o => o.PersistedQueries = false, log: log);

        await client.SearchAsync("emma");
        var e = await Assert.ThrowsAsync<FilmGraphRateLimitedException>(() => client.SearchAsync("emma"));
        Assert.True(e.RetryAfter > TimeSpan.FromMinutes(1));
        Assert.Equal(2, log.Entries.Count);
    }
}
