using FilmGraph.Bolt.Routing;
using FilmGraph.Bolt.Peer;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Scripts;

/// <summary>A router, a reader and writers, each a scripted peer, addressed through neo4j://.</summary>
public class RoutingTests
{
    internal sealed class Cluster : IAsyncDisposable
    {
        public ScriptedPeer Router { get; } = ScriptedPeer.Start();
        public ScriptedPeer Reader { get; } = ScriptedPeer.Start();
        public ScriptedPeer Writer { get; } = ScriptedPeer.Start();
        public ScriptedPeer SecondWriter { get; } = ScriptedPeer.Start();

        public string Uri => Router.Uri("neo4j");

        public async Task AssertCompletedAsync()
        {
            foreach (var peer in new[] { Router, Reader, Writer, SecondWriter })
            {
                await peer.AssertCompletedAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var peer in new[] { Router, Reader, Writer, SecondWriter })
            {
                await peer.DisposeAsync();
            }
        }
    }

    internal static Cluster ReadAndWrite()
    {
        var cluster = new Cluster();
        cluster.Router.Add(Router(cluster.Router.Address, Table(cluster.Router.Address, cluster.Reader.Address, cluster.Writer.Address)));
        cluster.Reader.Add(Reader(cluster.Router.Address));
        cluster.Writer.Add(Writer(cluster.Router.Address, "\"bookmarks\": [\"bm:read\"], "));
        return cluster;
    }

    internal static Cluster HomeDatabase()
    {
        var cluster = new Cluster();
        cluster.Router.Add(HomeRouter(cluster.Router.Address, Table(cluster.Router.Address, cluster.Reader.Address, cluster.Writer.Address)));
        cluster.Reader.Add(Reader(cluster.Router.Address));
        cluster.Writer.Add(HomeWriter(cluster.Router.Address));
        return cluster;
    }

    internal static Cluster Impersonated()
    {
        var cluster = new Cluster();
        cluster.Router.Add(ImpersonatingRouter(cluster.Router.Address, Table(cluster.Router.Address, cluster.Reader.Address, cluster.Writer.Address, db: "movies")));
        cluster.Reader.Add(ImpersonatedReader(cluster.Router.Address));
        return cluster;
    }

    internal static Cluster NotALeaderThenNewWriter()
    {
        var cluster = new Cluster();
        cluster.Router.Add(Router(
            cluster.Router.Address,
            Table(cluster.Router.Address, cluster.Reader.Address, cluster.Writer.Address),
            Table(cluster.Router.Address, cluster.Reader.Address, cluster.SecondWriter.Address)));
        cluster.Writer.Add(NotALeader(cluster.Router.Address));
        cluster.SecondWriter.Add(Writer(cluster.Router.Address));
        return cluster;
    }

    [Fact]
    public async Task Reads_go_to_the_reader_and_writes_to_the_writer()
    {
        await using var cluster = ReadAndWrite();
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        await using (var session = driver.Session("neo4j"))
        {
            Assert.True(driver.IsRouting);
            var names = await session.ExecuteReadAsync(async tx =>
                (await (await tx.RunAsync("MATCH (n) RETURN n.name AS name")).ToListAsync()).Select(r => r.Get<string>("name")).ToList());
            Assert.Equal(["Ann"], names);
            await session.ExecuteWriteAsync(async tx => await (await tx.RunAsync("CREATE (n)")).ConsumeAsync());
            Assert.Equal(["bm:write"], session.LastBookmarks);
        }
        await cluster.AssertCompletedAsync();
        Assert.Equal((1, 1, 1), (cluster.Router.Accepted, cluster.Reader.Accepted, cluster.Writer.Accepted));
    }

    [Fact]
    public async Task The_home_database_named_by_the_router_is_pinned_and_cached_per_user()
    {
        await using var cluster = HomeDatabase();
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        {
            await using (var first = driver.Session())
            {
                var names = await first.ExecuteReadAsync(async tx =>
                    (await (await tx.RunAsync("MATCH (n) RETURN n.name AS name")).ToListAsync()).Select(r => r.Get<string>("name")).ToList());
                Assert.Equal(["Ann"], names);
                await first.ExecuteWriteAsync(async tx => await (await tx.RunAsync("CREATE (n)")).ConsumeAsync());
                Assert.Equal("neo4j", first.Database);
            }
            await using (var second = driver.Session())
            {
                Assert.Equal(2, (await (await second.RunAsync("RETURN 2 AS n")).SingleAsync()).Get<long>("n"));
            }
        }
        await cluster.AssertCompletedAsync();
        Assert.Single(cluster.Router.Received, m => m.StartsWith("ROUTE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_impersonated_users_table_and_home_database_are_asked_for_as_that_user()
    {
        await using var cluster = Impersonated();
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        await using (var session = driver.Session(new BoltSessionOptions { ImpersonatedUser = "ann" }))
        {
            var names = await session.ExecuteReadAsync(async tx =>
                (await (await tx.RunAsync("MATCH (n) RETURN n.name AS name")).ToListAsync()).Select(r => r.Get<string>("name")).ToList());
            Assert.Equal(["Ann"], names);
            Assert.Equal("movies", session.Database);
            Assert.Null(((RoutingProvider)driver.Provider).TableFor("neo4j"));
        }
        await cluster.AssertCompletedAsync();
    }

    [Fact]
    public void A_cached_home_database_expires_with_the_table_that_named_it()
    {
        var cache = new HomeDatabaseCache();
        cache.Set("basic:neo4j", "movies", System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency * 60);
        cache.Set("impersonated:ann", "films", System.Diagnostics.Stopwatch.GetTimestamp() - 1);
        Assert.Equal("movies", cache.Get("basic:neo4j"));
        Assert.Null(cache.Get("impersonated:ann"));
        Assert.Null(cache.Get("basic:other"));
    }

    [Fact]
    public async Task Not_a_leader_refreshes_the_table_and_retries_on_the_new_writer()
    {
        await using var cluster = NotALeaderThenNewWriter();
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        await using (var session = driver.Session("neo4j"))
        {
            var attempts = 0;
            await session.ExecuteWriteAsync(async tx =>
            {
                attempts++;
                await (await tx.RunAsync("CREATE (n)")).ConsumeAsync();
            });
            Assert.Equal(2, attempts);
            var table = ((RoutingProvider)driver.Provider).TableFor("neo4j")!;
            Assert.Equal([cluster.SecondWriter.Address], table.Writers.Select(w => w.ToString()));
        }
        await cluster.AssertCompletedAsync();
    }

    [Fact]
    public async Task Unreachable_server_is_removed_from_the_table()
    {
        await using var cluster = new Cluster();
        var deadReader = "127.0.0.1:1"; // nothing listens on port 1
        cluster.Router.Add(Router(cluster.Router.Address,
            $$$"""{"rt": {"ttl": 300, "db": "neo4j", "servers": [{"addresses": ["{{{cluster.Router.Address}}}"], "role": "ROUTE"}, {"addresses": ["{{{deadReader}}}", "{{{cluster.Reader.Address}}}"], "role": "READ"}, {"addresses": ["{{{cluster.Writer.Address}}}"], "role": "WRITE"}]}}"""));
        cluster.Reader.Add(Reader(cluster.Router.Address));
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        await using (var session = driver.Session("neo4j"))
        {
            var names = await session.ExecuteReadAsync(async tx =>
                (await (await tx.RunAsync("MATCH (n) RETURN n.name AS name")).ToListAsync()).Count);
            Assert.Equal(1, names);
            var table = ((RoutingProvider)driver.Provider).TableFor("neo4j")!;
            Assert.DoesNotContain(table.Readers, r => r.ToString() == deadReader);
        }
        await cluster.AssertCompletedAsync();
    }

    [Fact]
    public async Task An_expired_table_is_fetched_again()
    {
        await using var cluster = new Cluster();
        var router = cluster.Router.Address;
        var route = $$"""
            C: ROUTE {"address": "{{router}}"} "*" {"db": "neo4j"}
            S: SUCCESS {{Table(router, cluster.Reader.Address, cluster.Writer.Address, ttl: 0)}}
            """;
        cluster.Router.Add(Greeting(routing: router) + "\n" + route + "\n" + route + "\n" + Goodbye);
        cluster.Reader.Add(Greeting(routing: router) + """

            {*
            C: BEGIN {"mode": "r", "db": "neo4j", "...": "*"}
            S: SUCCESS {}
            C: RUN "RETURN 1 AS n" {} {}
            S: SUCCESS {"fields": ["n"]}
            C: PULL {"n": 1000}
            S: RECORD [1]
            S: SUCCESS {"type": "r"}
            C: COMMIT
            S: SUCCESS {"bookmark": "bm:read"}
            *}
            ?: GOODBYE
            """);
        await using (var driver = ScriptedConversationTests.Driver(cluster.Uri))
        await using (var session = driver.Session("neo4j"))
        {
            for (var i = 0; i < 2; i++)
            {
                var n = await session.ExecuteReadAsync(async tx => (await (await tx.RunAsync("RETURN 1 AS n")).SingleAsync()).Get<long>("n"));
                Assert.Equal(1, n);
            }
        }
        await cluster.AssertCompletedAsync();
        Assert.Equal(2, cluster.Router.Received.Count(m => m.StartsWith("ROUTE", StringComparison.Ordinal)));
    }
}
