using FilmGraph.Bolt.Tests.Peer;
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

    [Fact]
    public async Task No_common_version_is_a_clear_error()
    {
        await using var peer = ScriptedPeer.Start(NoVersion);
        await using var driver = Driver(peer.Uri());
        var error = await Assert.ThrowsAsync<BoltServiceUnavailableException>(() => driver.VerifyConnectivityAsync());
        Assert.Contains("none of the Bolt versions", error.Message, StringComparison.Ordinal);
        await peer.AssertCompletedAsync();
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
}
