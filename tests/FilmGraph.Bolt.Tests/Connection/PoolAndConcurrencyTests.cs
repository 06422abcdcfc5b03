using FilmGraph.Bolt.Peer;
using FilmGraph.Bolt.Tests.Scripts;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Connection;

public class PoolAndConcurrencyTests
{
    private static async Task<long> EchoAsync(BoltDriver driver, long i)
    {
        await using var session = driver.Session();
        var record = await (await session.RunAsync("RETURN $i AS i", new Dictionary<string, object?> { ["i"] = i }, CancellationToken.None)).SingleAsync();
        return record.Get<long>("i");
    }

    [Fact]
    public async Task Sixty_four_parallel_callers_share_a_bounded_pool_without_mixing_answers()
    {
        await using var peer = ScriptedPeer.StartShared(Echo);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { MaxConnectionPoolSize = 8 }))
        {
            for (var round = 0; round < 3; round++)
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => EchoAsync(driver, i + round * 1000L))));
                Assert.Equal(Enumerable.Range(0, 64).Select(i => i + round * 1000L), answers);
            }
            Assert.Equal(0, driver.ConnectionsInUse);
            Assert.InRange(driver.ConnectionsIdle, 1, 8);
            Assert.InRange(peer.MaxOpenConnections, 1, 8);
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(192, peer.Received.Count(m => m.StartsWith("RUN", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Acquisition_times_out_when_the_pool_is_exhausted()
    {
        await using var peer = ScriptedPeer.StartShared(Echo.Replace("{*", "{?\nC: BEGIN {}\nS: SUCCESS {}\nC: ROLLBACK\nS: SUCCESS {}\n?}\n{*", StringComparison.Ordinal));
        var options = ScriptedConversationTests.FastOptions with { MaxConnectionPoolSize = 1, ConnectionAcquisitionTimeout = TimeSpan.FromMilliseconds(200) };
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), options))
        await using (var holder = driver.Session())
        {
            await using var tx = await holder.BeginTransactionAsync();
            await using var waiter = driver.Session();
            var error = await Assert.ThrowsAsync<BoltClientException>(() => waiter.RunAsync("RETURN $i AS i"));
            Assert.Contains("became free", error.Message, StringComparison.Ordinal);
            await tx.RollbackAsync();
            Assert.Equal(7, await EchoAsync(driver, 7));
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Idle_connections_are_checked_with_reset_before_reuse()
    {
        await using var peer = ScriptedPeer.StartShared(Echo);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { ConnectionLivenessCheckTimeout = TimeSpan.Zero }))
        {
            Assert.Equal(1, await EchoAsync(driver, 1));
            Assert.Equal(2, await EchoAsync(driver, 2));
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(1, peer.Accepted);
        Assert.Contains("RESET", peer.Received);
    }

    [Fact]
    public async Task Connections_past_their_lifetime_are_replaced()
    {
        await using var peer = ScriptedPeer.StartShared(Echo);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { MaxConnectionLifetime = TimeSpan.Zero }))
        {
            Assert.Equal(1, await EchoAsync(driver, 1));
            Assert.Equal(2, await EchoAsync(driver, 2));
            Assert.Equal(0, driver.ConnectionsIdle);
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(2, peer.Accepted);
    }

    [Fact]
    public async Task Messages_larger_than_a_chunk_cross_in_both_directions()
    {
        await using var peer = ScriptedPeer.StartShared(Echo);
        var big = string.Concat(Enumerable.Repeat("0123456789", 20_000)); // 200 kB: four chunks each way
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var record = await (await session.RunAsync("RETURN $i AS i", new Dictionary<string, object?> { ["i"] = big })).SingleAsync();
            Assert.Equal(big, record["i"]);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Oversized_server_message_is_a_protocol_error_and_the_connection_is_dropped()
    {
        await using var peer = ScriptedPeer.StartShared(Echo);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { MaxMessageSize = 100_000 }))
        await using (var session = driver.Session())
        {
            var result = await session.RunAsync("RETURN $i AS i", new Dictionary<string, object?> { ["i"] = new string('x', 150_000) });
            await Assert.ThrowsAsync<BoltProtocolException>(() => result.ToListAsync());
            Assert.Equal(0, driver.ConnectionsInUse);
            Assert.Equal(0, driver.ConnectionsIdle);
        }
    }

    [Fact]
    public async Task Hostile_bytes_in_a_record_break_only_that_connection()
    {
        var script = Greeting() + """

            C: RUN "RETURN 1 AS n" {} {}
            S: SUCCESS {"fields": ["n"]}
            C: PULL {"n": 1000}
            S: <RAW> "0004B17191C40000"
            """;
        await using var peer = ScriptedPeer.Start(script, Run);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        {
            await using (var session = driver.Session())
            {
                var result = await session.RunAsync("RETURN 1 AS n");
                var error = await Assert.ThrowsAsync<BoltProtocolException>(() => result.ToListAsync());
                Assert.Contains("unknown marker 0xC4", error.Message, StringComparison.Ordinal);
            }
            Assert.Equal(0, driver.ConnectionsIdle);
            await using (var session = driver.Session())
            {
                Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
            }
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Gql_status_description_and_cause_chain_are_exposed()
    {
        var script = Greeting("5.7") + """

            C: RUN "RETURN 1/0" {} {}
            """ + FailAndReset("""{"neo4j_code": "Neo.ClientError.Statement.ArithmeticError", "message": "/ by zero", "gql_status": "22012", "description": "error: data exception - division by zero", "diagnostic_record": {"OPERATION": ""}, "cause": {"message": "inner", "gql_status": "22000", "description": "data exception"}}""") + Goodbye;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var error = await Assert.ThrowsAsync<BoltClientException>(() => session.RunAsync("RETURN 1/0"));
            Assert.Equal(("Neo.ClientError.Statement.ArithmeticError", "/ by zero", "22012"), (error.Code, error.Message, error.GqlStatus));
            Assert.Equal("error: data exception - division by zero", error.GqlStatusDescription);
            Assert.NotNull(error.DiagnosticRecord);
            Assert.Equal(("inner", "22000"), (error.GqlCause!.Message, error.GqlCause.GqlStatus));
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_client_errors_are_not()
    {
        const string beginAndCreate = """

            C: BEGIN {}
            S: SUCCESS {}
            C: RUN "CREATE (n)" {} {}
            """;
        var transient = Greeting()
            + beginAndCreate + FailAndReset("""{"code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"}""")
            + beginAndCreate + FailAndReset("""{"code": "Neo.ClientError.Schema.ConstraintValidationFailed", "message": "exists"}""")
            + Goodbye;
        await using var peer = ScriptedPeer.Start(transient);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var attempts = 0;
            var error = await Assert.ThrowsAsync<BoltClientException>(() => session.ExecuteWriteAsync(async tx =>
            {
                attempts++;
                await tx.RunAsync("CREATE (n)");
            }));
            Assert.Equal(2, attempts);
            Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task A_server_that_never_answers_the_handshake_times_out()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptSocketAsync();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            await using var driver = ScriptedConversationTests.Driver($"bolt://127.0.0.1:{port}", ScriptedConversationTests.FastOptions with { ConnectionTimeout = TimeSpan.FromMilliseconds(300) });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<BoltServiceUnavailableException>(() => driver.VerifyConnectivityAsync());
            Assert.Contains("did not complete the Bolt handshake", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            (await accept).Dispose();
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_server_that_agrees_a_version_but_never_answers_hello_says_so()
    {
        var script = $$"""
            !: BOLT 5.4
            C: HELLO {"user_agent": "*", "...": "*"}
            C: LOGON {"scheme": "basic", "principal": "{{User}}", "credentials": "{{Password}}"}
            """;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { ConnectionTimeout = TimeSpan.FromMilliseconds(500) }))
        {
            var error = await Assert.ThrowsAsync<BoltServiceUnavailableException>(() => driver.VerifyConnectivityAsync());
            Assert.Contains("agreed Bolt 5.4, but did not answer HELLO within 0.5 s", error.Message, StringComparison.Ordinal);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task The_servers_receive_timeout_hint_ends_a_silent_wait()
    {
        var script = Greeting().Replace("\"connection_id\": \"bolt-1\"}", "\"connection_id\": \"bolt-1\", \"hints\": {\"connection.recv_timeout_seconds\": 1}}", StringComparison.Ordinal) + """

            C: RUN "RETURN 1 AS n" {} {}
            S: SUCCESS {"fields": ["n"]}
            C: PULL {"n": 1000}
            """;
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        await using (var session = driver.Session())
        {
            var result = await session.RunAsync("RETURN 1 AS n");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<BoltServiceUnavailableException>(() => result.ToListAsync());
            Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        }
        await peer.AssertCompletedAsync();
        Assert.Contains(peer.Received, m => m.StartsWith("HELLO", StringComparison.Ordinal));
    }
}
