using System.Diagnostics;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Work that has started stops when it must: at the execution timeout, and when the caller goes away. Each test runs
/// many aliases of <c>reach(maxHops: 12)</c> from the best-connected person (about 10 ms each on this graph) on an
/// instance whose cost and alias limits let them through, and counts the reach resolvers as they start and end
/// (<see cref="ResolverCounter"/>): fewer than asked ran, and none was still running when the request ended.
/// </summary>
[Collection(BigGraphCollection.Name)]
public sealed class ExecutionStopTests(BigGraphServer server, ITestOutputHelper output)
{
    private const string Reach = "reach(id: $id, maxHops: 12) { reachable }";
    private const string Neighbourhood = "neighbourhood(id: $id, depth: 3, limit: 5000) { truncated }";

    private static Dictionary<string, string?> Lenient(string timeout) => new()
    {
        ["FilmGraph:Limits:MaxCost"] = "100000000",
        ["FilmGraph:Limits:MaxAliases"] = "10000",
        ["FilmGraph:Limits:MaxFields"] = "10000",
        ["FilmGraph:Limits:MaxTokens"] = "1000000",
        ["FilmGraph:Limits:MaxQueryLength"] = "1000000",
        ["FilmGraph:Limits:ExecutionTimeout"] = timeout,
    };

    [Fact]
    public async Task A_query_past_the_execution_timeout_is_stopped_with_EXECUTION_TIMEOUT()
    {
        // About a second of work since reach became a direction-optimising search (it was ten); the timeout leaves
        // time to start some of it.
        const int aliases = 1_000;
        var reaches = new ResolverCounter("reach");
        var app = await server.StartAsync(Lenient("00:00:00.100"), services => services.AddSingleton<IConfigureSchema>(reaches));
        using var probe = new AttackProbe(server, new Uri(ApiHost.Address(app)), output);
        var query = AttackQueries.Aliases(aliases, Reach);

        var result = await probe.RunAsync($"{aliases} reach(maxHops: 12), 100 ms timeout",
            () => probe.Client.PostAsync(query, new { id = server.BestConnected }));
        output.WriteLine($"reach resolvers: {reaches.Started} of {aliases} started, {reaches.Ended} ended, {reaches.Cancelled} cancelled");

        // GraphQL.NET's own validation of a thousand fields runs before execution and cannot be stopped, and on a
        // machine shared with other test runs it alone can take a second or two: the bound here is the timeout's
        // purpose (the work cut short), not the 2 s every refusal is held to.
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"answered after {result.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(200, result.Answer.Status);
        Assert.Equal("EXECUTION_TIMEOUT", result.Answer.Code);
        Assert.Equal(0.1, (double)result.Answer.Error["extensions"]!["limit"]!);
        Assert.Null(result.Answer.Json["data"]);
        Assert.True(reaches.Started < aliases, $"all {aliases} reach resolvers ran: the timeout stopped nothing");
        Assert.Equal(reaches.Started, reaches.Ended);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_execution_stops_the_work()
    {
        // Seconds of work were it not stopped: neighbourhoods of 5,000 nodes, since reach became too quick for two
        // thousand of them to outlast the caller's leaving. The caller leaves as soon as the first has started.
        const int aliases = 2_000;
        var records = new RequestRecords();
        var reaches = new ResolverCounter("neighbourhood");
        var app = await server.StartAsync(Lenient("00:05:00"), services => services.AddSingleton<IConfigureSchema>(reaches), records.Observe);
        using var http = new HttpClient { BaseAddress = new Uri(ApiHost.Address(app)), Timeout = TimeSpan.FromSeconds(60) };
        var query = AttackQueries.Aliases(aliases, Neighbourhood).Replace("query(", "query SlowReach(", StringComparison.Ordinal);

        using var leave = new CancellationTokenSource();
        var request = http.PostAsync("/graphql", AttackProbe.Json(new { query, operationName = "SlowReach", variables = new { id = server.BestConnected } }), leave.Token);
        await reaches.FirstStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        var record = await records.NextAsync("SlowReach", TimeSpan.FromSeconds(10));
        var stoppedAfter = clock.Elapsed;
        output.WriteLine($"outcome {record.Outcome} {stoppedAfter.TotalMilliseconds:F0} ms after the disconnect; " +
            $"neighbourhood resolvers: {reaches.Started} of {aliases} started, {reaches.Ended} ended, {reaches.Cancelled} cancelled");
        Assert.Equal("cancelled", record.Outcome);
        Assert.True(stoppedAfter < AttackProbe.MaxAnswerTime, $"the handler returned {stoppedAfter.TotalMilliseconds:F0} ms after the disconnect");
        Assert.True(reaches.Started < aliases, $"all {aliases} neighbourhood resolvers ran after the caller had gone");
        Assert.Equal(reaches.Started, reaches.Ended);

        // Nothing of it starts again later: a request after it runs no reach, and the count stays where it stopped.
        var stopped = reaches.Started;
        var stats = await new GraphQLClient(http).DataAsync("{ stats { people } }");
        Assert.Equal(BigGraphServer.Size.People, (int)stats["stats"]!["people"]!);
        Assert.Equal(stopped, reaches.Started);
    }
}
