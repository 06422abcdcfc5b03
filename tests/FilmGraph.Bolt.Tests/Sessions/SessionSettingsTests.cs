using FilmGraph.Bolt.Peer;
using FilmGraph.Bolt.Tests.Scripts;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Sessions;

/// <summary>What a session can be told beyond its database: the twins in <see cref="JsDriverConversationTests"/> run the same scripts.</summary>
public class SessionSettingsTests
{
    private static readonly BoltNotificationConfig WarningsButNoHints = new() { MinimumSeverity = "WARNING", DisabledClassifications = ["HINT"] };

    [Theory]
    [InlineData("5.4")]
    [InlineData("5.6")]
    public async Task Session_settings_go_into_hello_run_and_begin(string version)
    {
        await using var peer = ScriptedPeer.Start(SessionSettings(version));
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { Notifications = WarningsButNoHints }))
        await using (var session = driver.Session(new BoltSessionOptions
        {
            ImpersonatedUser = "ann",
            FetchSize = 7,
            DefaultAccessMode = BoltAccessMode.Read,
            Notifications = BoltNotificationConfig.Off,
        }))
        {
            Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
            // No mode given: the session's default (read) is used.
            await using var tx = await session.BeginTransactionAsync(new BoltTransactionConfig { Timeout = TimeSpan.FromSeconds(2) });
            Assert.Equal(2L, (await (await tx.RunAsync("RETURN 2 AS n")).SingleAsync())["n"]);
            await tx.CommitAsync();
            Assert.Equal(["bm:ann"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Sessions_sharing_a_bookmark_manager_wait_for_each_other()
    {
        var manager = new BoltBookmarkManager(["bm:1"]);
        await using var peer = ScriptedPeer.Start(Bookmarks);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        {
            await using (var writer = driver.Session(new BoltSessionOptions { BookmarkManager = manager }))
            {
                await using var tx = await writer.BeginTransactionAsync();
                await (await tx.RunAsync("CREATE (n)")).ConsumeAsync();
                await tx.CommitAsync();
            }
            Assert.Equal(["bm:2"], manager.Bookmarks);
            await using (var reader = driver.Session(new BoltSessionOptions { BookmarkManager = manager }))
            {
                await using var tx = await reader.BeginTransactionAsync();
                Assert.Equal(1L, (await (await tx.RunAsync("MATCH (n) RETURN count(n) AS c")).SingleAsync())["c"]);
                await tx.CommitAsync();
            }
            Assert.Equal(["bm:3"], manager.Bookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Notification_filters_on_bolt_4_4_are_a_clear_error_and_nothing_is_sent_for_them()
    {
        // The driver-wide filter fails the connection before HELLO; a session's filter fails only its query.
        await using var peer = ScriptedPeer.Start("!: BOLT 4.4", Run44);
        await using (var filtered = ScriptedConversationTests.Driver(peer.Uri(), ScriptedConversationTests.FastOptions with { Notifications = WarningsButNoHints }))
        {
            var error = await Assert.ThrowsAsync<BoltClientException>(() => filtered.VerifyConnectivityAsync());
            Assert.Contains("Bolt 5.2", error.Message, StringComparison.Ordinal);
        }
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        {
            await using (var session = driver.Session(new BoltSessionOptions { Notifications = BoltNotificationConfig.Off }))
            {
                var error = await Assert.ThrowsAsync<BoltClientException>(() => session.RunAsync("RETURN 1 AS n"));
                Assert.Contains("4.4", error.Message, StringComparison.Ordinal);
            }
            await using (var session = driver.Session())
            {
                Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync())["n"]);
            }
        }
        await peer.AssertCompletedAsync();
    }
}
