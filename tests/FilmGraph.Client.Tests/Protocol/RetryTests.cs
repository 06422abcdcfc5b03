using System.Net;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Protocol;

/// <summary>A 429 is waited out as its Retry-After says, a bounded number of times, then thrown with the wait.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class RetryTests(FilmGraphApi api)
{
    // One request a second per client: the second of two at once is refused for up to a second.
    private static readonly Dictionary<string, string?> OnePerSecond = new()
    {
        ["FilmGraph:RateLimit:PermitLimit"] = "1",
        ["FilmGraph:RateLimit:Period"] = "00:00:01",
    };

    // One request an hour per client: the second is refused, and nothing comes back into the budget while the test runs.
    private static readonly Dictionary<string, string?> OnePerHour = new()
    {
        ["FilmGraph:RateLimit:PermitLimit"] = "1",
        ["FilmGraph:RateLimit:Period"] = "01:00:00",
    };

    [Fact]
    public async Task A_refused_request_is_sent_again_after_Retry_After_and_answered()
    {
        var address = await api.StartAsync(OnePerSecond);
        var log = new RequestLog();
        var client = api.Client(address, configure: o => o.PersistedQueries = false, log: log);

        // The budget comes back every second on the server's clock, so a call may land just after a refill and pass
        // without a refusal; the next one then meets it.
        for (var call = 0; call < 5 && !log.Entries.Any(e => e.Status == HttpStatusCode.TooManyRequests); call++)
        {
            log.Clear();
            var started = DateTime.UtcNow;
            Assert.Equal("Ryan Gosling", (await client.GetPersonAsync("ryan-gosling")).Name);
            if (log.Entries.Count > 1)
                Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry came before the Retry-After had passed");
        }

        var statuses = log.Entries.Select(e => e.Status).ToList();
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        // The refill may land just after the first retry on a slow machine; the retries last for that.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 1, 3);
    }

    [Fact]
    public async Task Past_the_retries_the_refusal_is_thrown_with_its_code_and_wait()
    {
        var address = await api.StartAsync(OnePerHour);
        var log = new RequestLog();
        var client = api.Client(address, configure: o => (o.PersistedQueries, o.MaxRetries, o.MaxRetryDelay) = (false, 0, TimeSpan.FromHours(2)), log: log);

        await client.SearchAsync("emma");
        var e = await Assert.ThrowsAsync<FilmGraphRateLimitedException>(() => client.SearchAsync("emma"));
        Assert.Equal(FilmGraphCodes.RateLimited, e.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.InRange(e.RetryAfter!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(2, log.Entries.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_the_client_allows_is_thrown_at_once()
    {
        var address = await api.StartAsync(OnePerHour);
        var log = new RequestLog();
        var client = api.Client(address, configure: o => o.PersistedQueries = false, log: log);

        await client.SearchAsync("emma");
        var e = await Assert.ThrowsAsync<FilmGraphRateLimitedException>(() => client.SearchAsync("emma"));
        Assert.True(e.RetryAfter > TimeSpan.FromMinutes(1));
        Assert.Equal(2, log.Entries.Count);
    }
}
