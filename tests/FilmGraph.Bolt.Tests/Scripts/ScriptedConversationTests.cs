using FilmGraph.Bolt.Peer;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Scripts;

/// <summary>
/// This library against the scripted peer. The twin tests in <see cref="JsDriverConversationTests"/>
/// run the same scripts with the official JavaScript driver.
/// </summary>
public class ScriptedConversationTests
{
    internal static readonly BoltDriverOptions FastOptions = new()
    {
        RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        ConnectionTimeout = TimeSpan.FromSeconds(5),
        ConnectionAcquisitionTimeout = TimeSpan.FromSeconds(10),
        MaxTransactionRetryTime = TimeSpan.FromSeconds(10),
    };

    internal static BoltDriver Driver(string uri, BoltDriverOptions? options = null) =>
        BoltDriver.Create(uri, BoltAuth.Basic(User, Password), options ?? FastOptions);

    private static async Task<long> ReturnOneAsync(BoltDriver driver)
    {
        await using var session = driver.Session();
        var result = await session.RunAsync("RETURN 1 AS n");
        var record = await result.SingleAsync();
        return record.Get<long>("n");
    }

    [Fact]
    public async Task Negotiates_5x_and_runs_a_query()
    {
        await using var peer = ScriptedPeer.Start(Run);
        await using (var driver = Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
        Assert.StartsWith("<HANDSHAKE 000001FF 00080805 00000404 00000000>", peer.Received.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaks_5_5_when_the_server_picks_it()
    {
        await using var peer = ScriptedPeer.Start(Run55);
        await using (var driver = Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Negotiates_4_4_with_credentials_in_hello()
    {
        await using var peer = ScriptedPeer.Start(Run44);
        await using (var driver = Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
        Assert.Contains(peer.Received, m => m.Contains("\"patch_bolt\": [\"utc\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negotiates_6_0_through_the_manifest()
    {
        await using var peer = ScriptedPeer.Start(RunManifest);
        await using (var driver = Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
        Assert.Contains("<MANIFEST CHOSE 6.0>", peer.Received);
    }

    [Theory]
    [InlineData(NoVersion, "0x00000000")]
    [InlineData(ManifestWithoutCommonVersion, "7.0, 3.5")]
    public async Task No_common_version_fails_at_once_naming_both_sides(string script, string answer)
    {
        // One script: a retry would open a second connection, which the peer reports.
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var error = await Assert.ThrowsAsync<BoltVersionMismatchException>(() => session.ExecuteWriteAsync(_ => Task.FromResult(0)));
            Assert.False(error.IsRetryable);
            Assert.Equal(answer, error.ServerAnswer);
            Assert.Contains(answer, error.Message, StringComparison.Ordinal);
            Assert.Contains("5.8, 5.7, 5.6, 5.5, 5.4, 5.3, 5.2, 5.1, 5.0, 4.4", error.Message, StringComparison.Ordinal);
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(1, peer.Accepted);
    }

    [Theory]
    [MemberData(nameof(FailedHandshakes), MemberType = typeof(Scripts))]
    public async Task Nothing_is_sent_after_a_failed_handshake(string script)
    {
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        {
            await Assert.ThrowsAnyAsync<BoltException>(() => driver.VerifyConnectivityAsync());
            Assert.Equal((0, 0), (driver.ConnectionsInUse, driver.ConnectionsIdle));
        }
        await peer.AssertCompletedAsync();
        Assert.Contains("<HUNG UP>", peer.Received);
        Assert.DoesNotContain(peer.Received, m => m.StartsWith(SentAfterFailedHandshake, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_http_answer_names_the_wrong_port()
    {
        await using var peer = ScriptedPeer.Start(Http);
        await using var driver = Driver(peer.Uri());
        var error = await Assert.ThrowsAsync<BoltProtocolException>(() => driver.VerifyConnectivityAsync());
        Assert.Contains("HTTP port", error.Message, StringComparison.Ordinal);
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Authentication_failure_is_typed_and_carries_the_code()
    {
        await using var peer = ScriptedPeer.Start(AuthFailure);
        await using (var driver = Driver(peer.Uri()))
        {
            var error = await Assert.ThrowsAsync<BoltAuthenticationException>(() => driver.VerifyConnectivityAsync());
            Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
            Assert.False(error.IsRetryable);
            Assert.Equal(0, driver.ConnectionsInUse);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Streams_across_several_pull_batches()
    {
        await using var peer = ScriptedPeer.Start(Batches);
        await using (var driver = Driver(peer.Uri(), FastOptions with { FetchSize = 2 }))
        await using (var session = driver.Session())
        {
            var result = await session.RunAsync("UNWIND range(1, 5) AS n RETURN n");
            var values = new List<long>();
            await foreach (var record in result)
            {
                values.Add((long)record[0]!);
            }
            Assert.Equal([1L, 2, 3, 4, 5], values);
            Assert.Equal("r", (await result.ConsumeAsync()).QueryType);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Consuming_early_discards_the_rest()
    {
        await using var peer = ScriptedPeer.Start(Discard);
        await using (var driver = Driver(peer.Uri(), FastOptions with { FetchSize = 2 }))
        await using (var session = driver.Session())
        {
            var result = await session.RunAsync("UNWIND range(1, 5) AS n RETURN n");
            var summary = await result.ConsumeAsync();
            Assert.Equal("r", summary.QueryType);
            Assert.Equal(["n"], result.Keys);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Failure_resets_the_connection_and_the_next_query_works()
    {
        await using var peer = ScriptedPeer.Start(FailureThenReset);
        await using (var driver = Driver(peer.Uri()))
        {
            await using (var session = driver.Session())
            {
                var error = await Assert.ThrowsAsync<BoltClientException>(() => session.RunAsync("RETURN 1 +"));
                Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
                Assert.Equal(0, driver.ConnectionsInUse);
                Assert.Equal(1, await ReturnOneAsync(driver));
            }
            Assert.Equal(1, driver.ConnectionsIdle);
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task Transactions_carry_bookmarks_from_one_to_the_next()
    {
        await using var peer = ScriptedPeer.Start(Bookmarks);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session(bookmarks: ["bm:1"]))
        {
            await using (var tx = await session.BeginTransactionAsync())
            {
                var summary = await (await tx.RunAsync("CREATE (n)")).ConsumeAsync();
                Assert.Equal(1, summary.Counters.NodesCreated);
                Assert.True(summary.Counters.ContainsUpdates);
                await tx.CommitAsync();
            }
            Assert.Equal(["bm:2"], session.LastBookmarks);
            await using (var tx = await session.BeginTransactionAsync())
            {
                var count = await (await tx.RunAsync("MATCH (n) RETURN count(n) AS c")).SingleAsync();
                Assert.Equal(1, count.Get<int>("c"));
                await tx.CommitAsync();
            }
            Assert.Equal(["bm:3"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Rollback_ends_the_transaction()
    {
        await using var peer = ScriptedPeer.Start(Rollback);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var tx = await session.BeginTransactionAsync();
            await tx.RunAsync("CREATE (n)");
            await tx.RollbackAsync();
            Assert.False(tx.IsOpen);
            await Assert.ThrowsAsync<BoltClientException>(() => tx.CommitAsync());
            Assert.Empty(session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Rollback_discards_an_open_result_first()
    {
        await using var peer = ScriptedPeer.Start(RollbackWithOpenResult);
        await using (var driver = Driver(peer.Uri(), FastOptions with { FetchSize = 2 }))
        await using (var session = driver.Session())
        {
            var consumed = await session.BeginTransactionAsync();
            var all = await (await consumed.RunAsync("UNWIND range(1, 3) AS n RETURN n")).ToListAsync();
            await consumed.RollbackAsync();
            Assert.Equal(3, all.Count);
            await using (var open = await session.BeginTransactionAsync())
            {
                var result = await open.RunAsync("UNWIND range(1, 5) AS n RETURN n");
                Assert.False(result.IsComplete);
            }
            Assert.Equal(1, driver.ConnectionsIdle);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task A_second_query_is_sent_at_once_and_the_first_stays_readable()
    {
        await using var peer = ScriptedPeer.Start(SecondQueryAtOnce);
        await using (var driver = Driver(peer.Uri(), FastOptions with { FetchSize = 2 }))
        await using (var session = driver.Session())
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var tx = await session.BeginTransactionAsync(limit.Token);
            var xs = await tx.RunAsync("UNWIND range(1, 3) AS x RETURN x", limit.Token);
            var ys = await tx.RunAsync("RETURN 10 AS y", limit.Token);
            Assert.Equal([10L], (await ys.ToListAsync(limit.Token)).Select(r => (long)r[0]!));
            Assert.Equal([1L, 2L, 3L], (await xs.ToListAsync(limit.Token)).Select(r => (long)r[0]!));
            await tx.CommitAsync(limit.Token);
            Assert.Equal(["bm:two-queries"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task An_unknown_time_zone_rolls_a_managed_transaction_back()
    {
        // 2024-07-01T12:00Z in a zone no time zone database has: the work must not commit a made-up offset.
        var script = Greeting() + """

            C: BEGIN {}
            S: SUCCESS {}
            C: RUN "MATCH (s:Screening) RETURN s.at AS at" {} {}
            S: SUCCESS {"fields": ["at"]}
            C: PULL {"n": 1000}
            S: RECORD [{"#struct": [105, 1719835200, 0, "Mars/Olympus_Mons"]}]
            S: SUCCESS {"type": "r"}
            C: ROLLBACK
            S: SUCCESS {}
            ?: GOODBYE
            """;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var attempts = 0;
            var error = await Assert.ThrowsAsync<BoltValueException>(() => session.ExecuteWriteAsync(async tx =>
            {
                attempts++;
                return (await (await tx.RunAsync("MATCH (s:Screening) RETURN s.at AS at")).SingleAsync())["at"];
            }));
            Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, attempts);
            Assert.Equal(1, driver.ConnectionsIdle);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Bolt_5_6_statuses_are_read_and_give_the_notifications()
    {
        await using var peer = ScriptedPeer.Start(Statuses56);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var summary = await (await session.RunAsync("MATCH (n:Unknown) RETURN n")).ConsumeAsync();
            Assert.Equal(["02000", "01N50"], summary.GqlStatusObjects.Select(s => s.GqlStatus));
            var warning = summary.GqlStatusObjects[1];
            Assert.Equal(("WARNING", "UNRECOGNIZED", new BoltNotificationPosition(9, 1, 10), true),
                (warning.Severity, warning.Classification, warning.Position, warning.IsNotification));
            Assert.StartsWith("warn: label does not exist.", warning.StatusDescription, StringComparison.Ordinal);
            Assert.False(summary.GqlStatusObjects[0].IsNotification);
            var notification = Assert.Single(summary.Notifications);
            Assert.Equal("Neo.ClientNotification.Statement.UnknownLabelWarning", notification["code"]);
            Assert.Equal("The provided label is not in the database.", notification["title"]);
            Assert.StartsWith("One of the labels", (string)notification["description"]!, StringComparison.Ordinal);
            Assert.Equal(("WARNING", "UNRECOGNIZED"), (notification["severity"], notification["category"]));
            Assert.Equal(1L, ((IReadOnlyDictionary<string, object?>)notification["position"]!)["line"]);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Managed_transaction_is_retried_on_a_new_connection_after_a_cut()
    {
        await using var peer = ScriptedPeer.Start(CutMidStream, RetrySucceeds);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var attempts = 0;
            var value = await session.ExecuteWriteAsync(async tx =>
            {
                attempts++;
                var record = await (await tx.RunAsync("CREATE (n) RETURN 7 AS n")).SingleAsync();
                return record.Get<long>("n");
            });
            Assert.Equal((7L, 2), (value, attempts));
            Assert.Equal(["bm:after-retry"], session.LastBookmarks);
            Assert.Equal(0, driver.ConnectionsInUse);
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(2, peer.Accepted);
    }

    [Fact]
    public async Task The_store_call_shape_sends_plain_dotnet_parameters()
    {
        var script = StoreShape;
        await using var peer = ScriptedPeer.Start(script);
        var ct = CancellationToken.None;
        var parameters = new Dictionary<string, object?>
        {
            ["title"] = "The Matrix",
            ["props"] = new Dictionary<string, object?>
            {
                ["released"] = 1999,
                ["rating"] = 8.7,
                ["tags"] = new[] { "sci-fi", "action" },
                ["premiere"] = new DateOnly(1999, 3, 31),
                ["sequel"] = null,
                ["seen"] = true,
            },
        };
        await using (var driver = BoltDriver.Create(new Uri(peer.Uri()), BoltAuth.Basic(User, Password), FastOptions))
        await using (var session = driver.Session("movies"))
        {
            var (rows, summary) = await session.ExecuteWriteAsync(async tx =>
            {
                var result = await tx.RunAsync("MERGE (m:Movie {title: $title}) SET m += $props RETURN m", parameters, ct);
                var list = new List<BoltRecord>();
                await foreach (var r in result.WithCancellation(ct))
                {
                    list.Add(r);
                }
                return (list, await result.ConsumeAsync(ct));
            }, ct);
            var movie = Assert.IsType<BoltNode>(Assert.Single(rows)["m"]);
            Assert.Equal(("The Matrix", "4:movies:1"), ((string)movie["title"]!, movie.ElementId));
            Assert.Equal((1, 6, 1), (summary.Counters.NodesCreated, summary.Counters.PropertiesSet, summary.Counters.LabelsAdded));
            Assert.Equal(["bm:movies:1"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Auto_commit_bookmark_and_read_mode_and_a_second_query_in_one_transaction()
    {
        var script = Greeting() + """

            C: RUN "RETURN 1 AS n" {} {"mode": "r"}
            S: SUCCESS {"fields": ["n"]}
            C: PULL {"n": 1000}
            S: RECORD [1]
            S: SUCCESS {"type": "r", "bookmark": "bm:auto"}
            C: BEGIN {"bookmarks": ["bm:auto"], "mode": "r", "tx_timeout": 1500, "tx_metadata": {"app": "filmgraph"}}
            S: SUCCESS {}
            C: RUN "UNWIND [1, 2] AS x RETURN x" {} {}
            S: SUCCESS {"fields": ["x"], "qid": 0}
            C: PULL {"n": 1000}
            S: RECORD [1]
            S: RECORD [2]
            S: SUCCESS {"type": "r"}
            C: RUN "RETURN 3 AS y" {} {}
            S: SUCCESS {"fields": ["y"], "qid": 1}
            C: PULL {"n": 1000}
            S: RECORD [3]
            S: SUCCESS {"type": "r"}
            C: COMMIT
            S: SUCCESS {}
            ?: GOODBYE
            """;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session(defaultAccessMode: BoltAccessMode.Read))
        {
            var first = await session.RunAsync("RETURN 1 AS n");
            Assert.Equal(1L, (await first.SingleAsync())["n"]);
            Assert.Equal(["bm:auto"], session.LastBookmarks);
            var config = new BoltTransactionConfig { Timeout = TimeSpan.FromMilliseconds(1500), Metadata = new Dictionary<string, object?> { ["app"] = "filmgraph" } };
            await using var tx = await session.BeginTransactionAsync(config, BoltAccessMode.Read);
            var xs = await tx.RunAsync("UNWIND [1, 2] AS x RETURN x");
            var ys = await tx.RunAsync("RETURN 3 AS y");
            Assert.Equal([1L, 2L], (await xs.ToListAsync()).Select(r => (long)r[0]!));
            Assert.Equal(3L, (await ys.SingleAsync())["y"]);
            await tx.CommitAsync();
            Assert.Equal(["bm:auto"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Cancelling_a_read_drops_that_connection_and_frees_the_pool_slot()
    {
        var script = Greeting() + """

            C: RUN "RETURN 1 AS n" {} {}
            S: SUCCESS {"fields": ["n"]}
            C: PULL {"n": 1000}
            """;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var result = await session.RunAsync("RETURN 1 AS n");
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => result.ToListAsync(cancel.Token));
            Assert.Equal((0, 0), (driver.ConnectionsInUse, driver.ConnectionsIdle));
        }
        await peer.AssertCompletedAsync();
    }

    [Theory]
    [InlineData(false, 70, 3600)] // 4.4 without the utc patch: wall-clock seconds
    [InlineData(true, 73, 0)] // patch acknowledged: UTC seconds, as Bolt 5
    public async Task Bolt_4_4_sends_date_times_as_the_server_agreed(bool patched, int tag, int seconds)
    {
        var script = $$$"""
            !: BOLT 4.4
            !: AUTO RESET
            C: HELLO {"user_agent": "*", "scheme": "basic", "principal": "{{{User}}}", "credentials": "{{{Password}}}", "...": "*"}
            S: SUCCESS {"server": "Neo4j/4.4.30", "connection_id": "bolt-1"{{{(patched ? ", \"patch_bolt\": [\"utc\"]" : "")}}}}
            C: RUN "RETURN $t AS t" {"t": {"#struct": [{{{tag}}}, {{{seconds}}}, 0, 3600]}} {}
            S: SUCCESS {"fields": ["t"]}
            C: PULL {"n": 1000}
            S: RECORD [{"#struct": [{{{tag}}}, {{{seconds}}}, 0, 3600]}]
            S: SUCCESS {"type": "r"}
            ?: GOODBYE
            """;
        var value = new DateTimeOffset(1970, 1, 1, 1, 0, 0, TimeSpan.FromHours(1));
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var record = await (await session.RunAsync("RETURN $t AS t", new Dictionary<string, object?> { ["t"] = value })).SingleAsync();
            Assert.Equal(value, record["t"]);
        }
        await peer.AssertCompletedAsync();
    }
}
