using System.Net;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Protocol;

/// <summary>
/// Automatic persisted queries as the HTTP handler under the client sees them: the hash alone first (a query by GET),
/// the text once when the server does not know it, then the hash alone again.
/// </summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class PersistedQueryTests(FilmGraphApi api)
{
    [Fact]
    public async Task A_query_is_a_miss_by_GET_then_sent_with_its_text_then_a_hit_by_GET()
    {
        var address = await api.StartAsync();
        var log = new RequestLog();
        var client = api.Client(address, log: log);

        Assert.Equal("Emma Stone", (await client.GetPersonAsync("emma-stone")).Name);
        var (miss, register) = (log.Entries[0], log.Entries[1]);
        Assert.Equal(2, log.Entries.Count);
        Assert.Equal(HttpMethod.Get, miss.Method);
        Assert.DoesNotContain("query=", miss.Uri.Query);
        Assert.Contains("persistedQuery", Uri.UnescapeDataString(miss.Uri.Query));
        Assert.Equal(HttpMethod.Post, register.Method);
        Assert.Contains("\"query\":", register.Body);
        Assert.Contains("sha256Hash", register.Body);

        log.Clear();
        Assert.Equal("Ryan Gosling", (await client.GetPersonAsync("ryan-gosling")).Name);
        var hit = Assert.Single(log.Entries);
        Assert.Equal((HttpMethod.Get, HttpStatusCode.OK), (hit.Method, hit.Status));
        Assert.DoesNotContain("query=", hit.Uri.Query);

        // Another client (another process, say) finds the hash known already.
        var otherLog = new RequestLog();
        await api.Client(address, log: otherLog).GetPersonAsync("emma-watson");
        Assert.Single(otherLog.Entries);
    }

    [Fact]
    public async Task A_mutation_goes_by_POST_both_times()
    {
        var address = await api.StartAsync();
        var log = new RequestLog();
        var client = api.Client(address, FilmGraphApi.Key, log: log);

        await client.UpsertFilmAsync(new FilmInput("apq-film", "APQ"));
        Assert.Equal([HttpMethod.Post, HttpMethod.Post], log.Entries.Select(e => e.Method));
        Assert.DoesNotContain("\"query\":", log.Entries[0].Body);
        Assert.Contains("\"query\":", log.Entries[1].Body);
        Assert.All(log.Entries, e => Assert.Equal($"Bearer {FilmGraphApi.Key}", e.Authorization));

        log.Clear();
        await client.UpsertFilmAsync(new FilmInput("apq-film", "APQ again"));
        Assert.DoesNotContain("\"query\":", Assert.Single(log.Entries).Body);
    }

    [Fact]
    public async Task QueryAsync_sends_a_query_by_GET_and_a_mutation_by_POST_whatever_the_strings_say()
    {
        var address = await api.StartAsync();
        var log = new RequestLog();
        var client = api.Client(address, FilmGraphApi.Key, log: log);

        await client.QueryAsync<object>("""
            # a mutation { in a comment }
            query Named { search(text: "mutation subscription") { id } }
            """);
        Assert.Equal(HttpMethod.Get, log.Entries[0].Method);

        log.Clear();
        await client.QueryAsync<object>("""mutation { upsertPerson(person: { id: "by-post", name: "query" }) { created } }""");
        Assert.All(log.Entries, e => Assert.Equal(HttpMethod.Post, e.Method));
    }

    [Fact]
    public async Task Turned_off_every_request_is_one_POST_with_the_text()
    {
        var log = new RequestLog();
        var client = api.Client(configure: o => o.PersistedQueries = false, log: log);
        await client.SearchAsync("stone");
        await client.SearchAsync("stone");
        Assert.Equal(2, log.Entries.Count);
        Assert.All(log.Entries, e => Assert.Equal(HttpMethod.Post, e.Method));
        Assert.All(log.Entries, e => Assert.DoesNotContain("persistedQuery", e.Body));
    }

    [Fact]
    public async Task A_server_without_persisted_queries_is_asked_by_hash_once_only()
    {
        var address = await api.StartAsync(new Dictionary<string, string?> { ["FilmGraph:PersistedQueries:Automatic"] = "false" });
        var log = new RequestLog();
        var client = api.Client(address, log: log);

        Assert.Equal(3, (await client.CoStarChainsAsync("emma-stone", "ryan-gosling")).Count);
        Assert.Equal([HttpMethod.Get, HttpMethod.Post], log.Entries.Select(e => e.Method));

        log.Clear();
        await client.CoStarChainsAsync("emma-stone", "ryan-gosling");
        var only = Assert.Single(log.Entries);
        Assert.DoesNotContain("persistedQuery", only.Body);
    }
}
