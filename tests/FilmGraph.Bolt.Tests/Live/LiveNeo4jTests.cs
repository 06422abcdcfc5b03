namespace FilmGraph.Bolt.Tests.Live;

/// <summary>Against a real server; skipped, with the reason, where there is none.</summary>
public class LiveNeo4jTests(LiveNeo4j neo4j) : IClassFixture<LiveNeo4j>
{
    private BoltDriver Driver
    {
        get
        {
            Skip.If(neo4j.Driver is null, neo4j.SkipReason);
            return neo4j.Driver!;
        }
    }

    private static readonly string Tag = "FilmGraphBoltTest" + Guid.NewGuid().ToString("N")[..8];

    [SkippableFact]
    public async Task Runs_a_query_and_streams_many_records()
    {
        await using var session = Driver.Session();
        var result = await session.RunAsync("UNWIND range(1, 2500) AS n RETURN n, toString(n) AS s");
        var count = 0L;
        await foreach (var record in result)
        {
            count++;
            Assert.Equal(count, record.Get<long>("n"));
        }
        Assert.Equal(2500, count);
        Assert.Equal("r", (await result.ConsumeAsync()).QueryType);
    }

    public static TheoryData<string, object?> Values() => new()
    {
        { "null", null },
        { "bool", true },
        { "tiny int", 7L },
        { "int64", long.MinValue },
        { "float", 3.25 },
        { "string", "Größenmaßstäbe ✓" },
        { "bytes", new byte[] { 0, 1, 254, 255 } },
        { "list", new List<object?> { 1L, "two", null } },
        { "map", new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new List<object?> { true } } },
        { "date", new DateOnly(1999, 3, 31) },
        { "local time", new TimeOnly(13, 14, 15, 16) },
        { "time", new BoltTime(new TimeOnly(1, 2, 3), TimeSpan.FromHours(5.5)) },
        { "local datetime", new DateTime(2020, 2, 29, 23, 59, 59, DateTimeKind.Unspecified) },
        { "datetime", new DateTimeOffset(2020, 2, 29, 23, 59, 59, TimeSpan.FromHours(-3)) },
        { "zoned datetime", new BoltZonedDateTime(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), "Europe/Berlin") },
        { "duration", new BoltDuration(14, 3, 62, 5000) },
        { "point", new BoltPoint(BoltPoint.Wgs84, 12.5, 55.5) },
        { "point 3d", new BoltPoint(BoltPoint.Cartesian3D, 1, 2, 3) },
    };

    [SkippableTheory]
    [MemberData(nameof(Values))]
    public async Task Every_type_round_trips_through_the_server(string name, object? value)
    {
        await using var session = Driver.Session();
        var record = await (await session.RunAsync("RETURN $v AS v", new Dictionary<string, object?> { ["v"] = value })).SingleAsync();
        Assert.True(PackStream.Codec.DeepEquals(value, record["v"]), $"{name}: sent {value}, got {record["v"]}");
    }

    [SkippableFact]
    public async Task Graph_values_carry_element_ids()
    {
        await using var session = Driver.Session();
        var record = await session.ExecuteWriteAsync(async tx =>
        {
            var result = await tx.RunAsync(
                $"CREATE p = (a:{Tag} {{name: 'a'}})-[r:KNOWS {{since: 1999}}]->(b:{Tag} {{name: 'b'}}) RETURN a, r, b, p");
            return await result.SingleAsync();
        });
        var a = Assert.IsType<BoltNode>(record["a"]);
        var r = Assert.IsType<BoltRelationship>(record["r"]);
        var p = Assert.IsType<BoltPath>(record["p"]);
        Assert.Equal(a.ElementId, r.StartNodeElementId);
        Assert.Equal(1999L, r["since"]);
        Assert.Equal(["a", "b"], p.Nodes.Select(n => (string)n["name"]!));
        await session.ExecuteWriteAsync(async tx => await (await tx.RunAsync($"MATCH (n:{Tag}) DETACH DELETE n")).ConsumeAsync());
    }

    [SkippableFact]
    public async Task Transactions_commit_roll_back_and_chain_bookmarks()
    {
        await using var session = Driver.Session();
        await using (var tx = await session.BeginTransactionAsync())
        {
            var summary = await (await tx.RunAsync($"CREATE (:{Tag} {{kept: false}})")).ConsumeAsync();
            Assert.Equal(1, summary.Counters.NodesCreated);
            await tx.RollbackAsync();
        }
        var created = await session.ExecuteWriteAsync(async tx => (await (await tx.RunAsync($"CREATE (:{Tag} {{kept: true}})")).ConsumeAsync()).Counters.NodesCreated);
        Assert.Equal(1, created);
        Assert.NotEmpty(session.LastBookmarks);
        await using var follower = Driver.Session(bookmarks: session.LastBookmarks);
        var kept = await follower.ExecuteReadAsync(async tx =>
            (await (await tx.RunAsync($"MATCH (n:{Tag}) RETURN collect(n.kept) AS kept")).SingleAsync()).Get<List<object?>>("kept"));
        Assert.Equal([true], kept);
        await session.ExecuteWriteAsync(async tx => await (await tx.RunAsync($"MATCH (n:{Tag}) DETACH DELETE n")).ConsumeAsync());
    }

    [SkippableFact]
    public async Task A_missing_label_is_a_notification_and_a_gql_status()
    {
        await using var session = Driver.Session();
        var summary = await (await session.RunAsync($"MATCH (n:{Tag}Missing) RETURN n")).ConsumeAsync();
        Assert.Contains(summary.Notifications, n => n["code"] as string == "Neo.ClientNotification.Statement.UnknownLabelWarning");
        Assert.Contains(summary.GqlStatusObjects, s => s.IsNotification && s.Severity == "WARNING");
        Assert.Equal("02000", summary.GqlStatusObjects[0].GqlStatus); // no data: it comes first
    }

    [SkippableFact]
    public async Task Two_results_of_one_transaction_are_read_in_any_order()
    {
        await using var session = Driver.Session(new BoltSessionOptions { FetchSize = 10 });
        await using var tx = await session.BeginTransactionAsync();
        var first = await tx.RunAsync("UNWIND range(1, 25) AS n RETURN n");
        var second = await tx.RunAsync("UNWIND range(1, 25) AS n RETURN n * 2 AS n");
        Assert.Equal(Enumerable.Range(1, 25).Select(n => 2L * n), (await second.ToListAsync()).Select(r => r.Get<long>("n")));
        Assert.Equal(Enumerable.Range(1, 25).Select(n => (long)n), (await first.ToListAsync()).Select(r => r.Get<long>("n")));
        await tx.CommitAsync();
    }

    [SkippableFact]
    public async Task Rolling_back_with_a_result_open_leaves_the_connection_usable()
    {
        await using var session = Driver.Session(new BoltSessionOptions { FetchSize = 10 });
        await using (var tx = await session.BeginTransactionAsync())
        {
            await tx.RunAsync("UNWIND range(1, 100) AS n RETURN n");
        }
        Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
    }

    [SkippableFact]
    public async Task Syntax_error_is_a_client_error_and_the_session_goes_on()
    {
        await using var session = Driver.Session();
        var error = await Assert.ThrowsAsync<BoltClientException>(() => session.RunAsync("RETURN 1 +"));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
    }
}
