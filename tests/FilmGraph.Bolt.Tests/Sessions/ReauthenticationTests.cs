using FilmGraph.Bolt.Peer;
using FilmGraph.Bolt.Tests.Scripts;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Sessions;

/// <summary>Credentials that change on an open connection: LOGOFF and LOGON (Bolt 5.1+).</summary>
public class ReauthenticationTests
{
    /// <summary>A token manager whose token the test sets, and which counts what the driver told it.</summary>
    private sealed class Settable(BoltAuth token) : IBoltAuthTokenManager
    {
        public BoltAuth Token { get; set; } = token;

        public List<string?> Refused { get; } = [];

        public ValueTask<BoltAuth> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult(Token);

        public bool HandleSecurityException(BoltAuth token, BoltAuthenticationException error)
        {
            Refused.Add(error.Code);
            return false;
        }
    }

    private static async Task<long> ReturnOneAsync(BoltDriver driver, BoltAuth? auth = null)
    {
        await using var session = driver.Session(new BoltSessionOptions { Auth = auth });
        return (await (await session.RunAsync("RETURN 1 AS n")).SingleAsync()).Get<long>("n");
    }

    [Fact]
    public async Task A_session_of_another_user_reauthenticates_the_open_connection()
    {
        await using var peer = ScriptedPeer.Start(Reauthentication);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
            Assert.Equal(1, await ReturnOneAsync(driver, BoltAuth.Basic("ann", "pw")));
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task A_new_token_from_the_manager_reauthenticates_pooled_connections()
    {
        var manager = new Settable(BoltAuth.Basic(User, Password));
        // The same conversation: the driver's token becomes ann's, then the first again.
        await using var peer = ScriptedPeer.Start(Reauthentication);
        await using (var driver = BoltDriver.Create(new Uri(peer.Uri()), manager, ScriptedConversationTests.FastOptions))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
            manager.Token = BoltAuth.Basic("ann", "pw");
            Assert.Equal(1, await ReturnOneAsync(driver));
            manager.Token = BoltAuth.Basic(User, Password); // another instance, the same credentials
            Assert.Equal(1, await ReturnOneAsync(driver));
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_managed_transaction_runs_again()
    {
        var script = Greeting() + """

            C: BEGIN {}
            S: SUCCESS {}
            C: RUN "CREATE (n)" {} {}
            """ + FailAndReset("""{"code": "Neo.ClientError.Security.TokenExpired", "message": "The token has expired."}""") + """
            C: LOGOFF
            S: SUCCESS {}
            C: LOGON {"scheme": "bearer", "credentials": "token-2"}
            S: SUCCESS {}
            """ + "\n" + CreateAndCommit("{}", "bm:after-refresh") + "\n" + Goodbye;
        var refreshes = 0;
        var manager = BoltAuthTokenManagers.Expiring(_ =>
        {
            refreshes++;
            // The first is the password the greeting expects; the next, a bearer token.
            var token = refreshes == 1 ? BoltAuth.Basic(User, Password) : BoltAuth.Bearer($"token-{refreshes}");
            return Task.FromResult((token, DateTimeOffset.UtcNow.AddHours(1)));
        });
        await using var peer = ScriptedPeer.Start(script);
        await using (var driver = BoltDriver.Create(new Uri(peer.Uri()), manager, ScriptedConversationTests.FastOptions))
        await using (var session = driver.Session())
        {
            var attempts = 0;
            await session.ExecuteWriteAsync(async tx =>
            {
                attempts++;
                await (await tx.RunAsync("CREATE (n)")).ConsumeAsync();
            });
            Assert.Equal((2, 2), (attempts, refreshes));
            Assert.Equal(["bm:after-refresh"], session.LastBookmarks);
        }
        await peer.AssertCompletedAsync();
    }

    [Fact]
    public async Task Session_credentials_on_bolt_4_4_are_a_clear_error()
    {
        await using var peer = ScriptedPeer.Start(Run44);
        await using (var driver = ScriptedConversationTests.Driver(peer.Uri()))
        {
            Assert.Equal(1, await ReturnOneAsync(driver));
            var error = await Assert.ThrowsAsync<BoltClientException>(() => ReturnOneAsync(driver, BoltAuth.Basic("ann", "pw")));
            Assert.Contains("Bolt 5.1", error.Message, StringComparison.Ordinal);
            Assert.Contains("4.4", error.Message, StringComparison.Ordinal);
        }
        await peer.AssertCompletedAsync();
    }
}
