using System.Net;
using System.Net.Http.Headers;
using FilmGraph.Api.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace FilmGraph.Api.Tests;

/// <summary>The per-client budget of /graphql: a key's or an address's, and the 429 that answers once it is spent.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiServer server)
{
    private const string Query = "{ stats { people } }";

    // An hour's period: nothing comes back into the budget while a test runs, however slow the machine.
    private static Dictionary<string, string?> Budget(int permits, string algorithm = "TokenBucket") => new()
    {
        ["FilmGraph:RateLimit:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FilmGraph:RateLimit:Period"] = "01:00:00",
        ["FilmGraph:RateLimit:Algorithm"] = algorithm,
    };

    private static HttpRequestMessage WithKey(string? key, string? accept = null)
    {
        var request = StartedApi.Post(Query);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Theory]
    [InlineData("TokenBucket")]
    [InlineData("FixedWindow")]
    public async Task A_spent_budget_is_429_with_Retry_After_and_a_GraphQL_error(string algorithm)
    {
        await using var api = await server.StartApiAsync(Budget(2, algorithm));
        for (var i = 0; i < 2; i++) Assert.Equal(200, (await api.Client.PostAsync(Query)).Status);

        var refused = await api.Client.PostAsync(Query);
        Assert.Equal(429, refused.Status);
        Assert.Equal("application/json", refused.MediaType);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal("RATE_LIMITED", refused.Code);
        Assert.Null(refused.Json["data"]);
        Assert.Contains("Retry after", (string?)refused.Error["message"]);

        var strict = await api.Client.PostAsync(Query, accept: ApiServer.GraphQLResponse);
        Assert.Equal(429, strict.Status);
        Assert.Equal(ApiServer.GraphQLResponse, strict.MediaType);
        Assert.Equal("RATE_LIMITED", strict.Code);

        // Only /graphql is limited.
        Assert.Equal(200, (await api.Client.SendAsync(HttpMethod.Get, "/healthz")).Status);
        Assert.Equal(200, (await api.Client.SendAsync(HttpMethod.Get, "/readyz")).Status);
        Assert.Equal(200, (await api.Client.SendAsync(HttpMethod.Get, "/metrics")).Status);
    }

    [Fact]
    public async Task Each_API_key_has_its_own_budget_and_the_address_another()
    {
        await using var api = await server.StartApiAsync(Budget(1));
        Assert.Equal(200, (await api.Client.SendAsync(WithKey("key-one"))).Status);
        Assert.Equal(429, (await api.Client.SendAsync(WithKey("key-one"))).Status);
        Assert.Equal(200, (await api.Client.SendAsync(WithKey("key-two"))).Status);
        Assert.Equal(200, (await api.Client.SendAsync(WithKey(null))).Status);
        Assert.Equal(429, (await api.Client.SendAsync(WithKey(null))).Status);
        Assert.Equal(429, (await api.Client.SendAsync(WithKey("key-two", ApiServer.GraphQLResponse))).Status);
    }

    [Fact]
    public async Task Turned_off_nothing_is_refused()
    {
        var settings = Budget(1);
        settings["FilmGraph:RateLimit:Enabled"] = "false";
        await using var api = await server.StartApiAsync(settings);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await api.Client.PostAsync(Query)).Status);
    }

    [Fact]
    public async Task A_budget_that_is_no_budget_stops_start_up()
    {
        var settings = Budget(1);
        settings["FilmGraph:RateLimit:PermitLimit"] = "0";
        var error = await Assert.ThrowsAnyAsync<Exception>(() => server.StartAsync(settings));
        Assert.Contains("FilmGraph:RateLimit", error.Message);
    }

    [Fact]
    public void A_partition_is_the_key_by_its_hash_else_the_address()
    {
        static ClientPartition Of(string? authorization, string address)
        {
            var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
            if (authorization is not null) http.Request.Headers.Authorization = authorization;
            return ClientPartition.Of(http);
        }

        var key = Of("Bearer secret-key-1", "10.0.0.1");
        Assert.Equal(ClientPartition.Kinds.Key, key.Kind);
        Assert.Equal(key, Of("bearer  secret-key-1 ", "10.0.0.2"));
        Assert.NotEqual(key, Of("Bearer secret-key-2", "10.0.0.1"));
        Assert.DoesNotContain("secret-key-1", key.ToString());

        // Not a bearer key: the address decides.
        Assert.Equal(ClientPartition.Kinds.Address, Of("Basic dXNlcjpwYXNz", "10.0.0.1").Kind);
        Assert.Equal(Of(null, "10.0.0.1"), Of("Bearer ", "10.0.0.1"));
        Assert.NotEqual(Of(null, "10.0.0.1"), Of(null, "10.0.0.2"));
        Assert.Equal(Of(null, "10.0.0.1"), Of(null, "::ffff:10.0.0.1"));
        // IPv6 by its /64.
        Assert.Equal(Of(null, "2001:db8:1:2::1"), Of(null, "2001:db8:1:2:ffff::9"));
        Assert.NotEqual(Of(null, "2001:db8:1:2::1"), Of(null, "2001:db8:1:3::1"));
    }
}
