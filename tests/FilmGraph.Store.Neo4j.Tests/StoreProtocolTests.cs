using FilmGraph.Bolt;
using FilmGraph.Bolt.Peer;
using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// The store against a scripted Bolt peer: the statements and parameters it sends for an import batch and for
/// chain queries, and how it maps the records that come back (nodes, relationships, paths) into the port's results.
/// </summary>
public sealed class StoreProtocolTests
{
    private static readonly BoltDriverOptions QuickRetries = new()
    {
        RetryInitialDelay = TimeSpan.FromMilliseconds(10),
        MaxTransactionRetryTime = TimeSpan.FromSeconds(5),
        ConnectionTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The store as users get it: behind the guarded port, whose id checks are part of the conversation.</summary>
    private static IGraphStore Store(ScriptedPeer peer, int batchSize = Neo4jStoreOptions.DefaultBatchSize) =>
        GuardedGraphStore.Wrap(Neo4jGraphStore.Connect(new Neo4jStoreOptions { Uri = peer.Uri(), Username = "neo4j", Password = "secret", Database = "films", BatchSize = batchSize }, QuickRetries));

    private static PeerReply Kinds(params (string Id, bool Person)[] nodes) =>
        PeerReply.Rows(["id", "person"], nodes.Select(n => new object?[] { n.Id, n.Person }).ToArray());

    private static long _nextId = 100;

    private static BoltNode Person(string id, string name, long? born = null) =>
        Node("Person", new Dictionary<string, object?> { ["id"] = id, ["name"] = name, ["born"] = born });

    private static BoltNode Film(string id, string title, long? year = null) =>
        Node("Film", new Dictionary<string, object?> { ["id"] = id, ["title"] = title, ["year"] = year });

    private static BoltNode Node(string label, Dictionary<string, object?> properties)
    {
        var id = Interlocked.Increment(ref _nextId);
        foreach (var key in properties.Where(p => p.Value is null).Select(p => p.Key).ToList()) properties.Remove(key);
        return new BoltNode(id, [label], properties, $"4:db:{id}");
    }

    private static BoltRelationship Rel(BoltNode from, string type, BoltNode to, string? role = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var properties = new Dictionary<string, object?>();
        if (role is not null) properties["role"] = role;
        return new BoltRelationship(id, from.Id, to.Id, type, properties, $"5:db:{id}", from.ElementId, to.ElementId);
    }

    private static BoltPath Path(params object[] walk) =>
        new(walk.OfType<BoltNode>().ToList(), walk.OfType<BoltRelationship>().ToList());

    private static Dictionary<string, object?> Stats(string counter, long value) => new() { [counter] = value };

    // ---- an import batch ----------------------------------------------------------------------------------------

    private static readonly GraphBatch Batch = GraphBatch.Of(
        people: [new Person("ada", "Ada Lovelace", 1815, ["Ada King"]), new Person("ben", "Ben Ångström"), new Person("cleo", "Cleo")],
        films: [new Film("f1", "First Light", 1990)],
        relationships:
        [
            new Relationship(RelationshipType.CastIn, "ada", "f1", new RelationshipProperties(Role: "Hero", Billing: 1, Source: new Source("notes", "as said"))),
            new Relationship(RelationshipType.DroppedFrom, "ben", "f1", new RelationshipProperties(Role: "hero", Reason: "schedule")),
            new Relationship(RelationshipType.CastIn, "cleo", "f1"),
            new Relationship(RelationshipType.CastIn, "cleo", "f1"),
        ]);

    /// <summary>Answers as a server holding nothing yet, with counters that agree.</summary>
    private static PeerReply FreshServer(string query, IReadOnlyDictionary<string, object?> parameters)
    {
        var rows = parameters.TryGetValue("rows", out var r) ? ((List<object?>)r!).Count : 0;
        if (query == Cypher.NodeKinds) return PeerReply.Rows(["id", "person"]);
        var counter = query == Cypher.UpsertPeople || query == Cypher.UpsertFilms ? "nodes-created" : "relationships-created";
        return PeerReply.Rows(["outcome", "rows"], ["created", (long)rows]) with { Stats = Stats(counter, rows) };
    }

    [Fact]
    public async Task An_import_batch_is_one_transaction_of_unwind_statements_with_every_value_a_parameter()
    {
        await using var peer = ScriptedPeer.StartAnswering(FreshServer);
        await using var store = Store(peer, batchSize: 2);

        var summary = await store.WriteAsync(Batch);

        Assert.Equal(new Counts(3, 0, 0), summary.People);
        Assert.Equal(new Counts(1, 0, 0), summary.Films);
        Assert.Equal(new Counts(3, 0, 1), summary.Relationships); // the repeated cleo -> f1 is unchanged

        // The transaction's own messages: the connection's (HELLO, LOGON, RESET) and the PULL after each RUN left out.
        var messages = peer.Requests.Where(r => r.Message is not ("HELLO" or "LOGON" or "RESET" or "PULL")).Select(r => r.Message).ToList();
        Assert.Equal(["BEGIN", "RUN", "RUN", "RUN", "RUN", "RUN", "RUN", "COMMIT"], messages);

        var runs = peer.Runs;
        Assert.Equal(
            [Cypher.NodeKinds, Cypher.UpsertPeople, Cypher.UpsertPeople, Cypher.UpsertFilms,
             Cypher.UpsertRelationships(RelationshipType.CastIn), Cypher.UpsertRelationships(RelationshipType.DroppedFrom)],
            runs.Select(r => r.Query));
        Assert.Equal(["ada", "ben", "cleo", "f1"], ((List<object?>)runs[0].Parameters!["ids"]!).Cast<string>());

        var firstPeople = Rows(runs[1]);
        Assert.Equal(2, firstPeople.Count); // BatchSize 2: three people take two statements
        Assert.Equal("ada", firstPeople[0]["id"]);
        Assert.Equal("Ada Lovelace", firstPeople[0]["name"]);
        Assert.Equal(1815L, firstPeople[0]["born"]);
        Assert.Equal(["Ada King"], ((List<object?>)firstPeople[0]["aliases"]!).Cast<string>());
        Assert.Equal(["ada lovelace", "ada king"], ((List<object?>)firstPeople[0]["keys"]!).Cast<string>());
        Assert.Equal("ben angstrom", ((List<object?>)firstPeople[1]["keys"]!).Single());
        Assert.Equal("cleo", Assert.Single(Rows(runs[2]))["id"]);
        Assert.Equal(1990L, Assert.Single(Rows(runs[3]))["year"]);

        var cast = Rows(runs[4]);
        Assert.Equal([("ada", "f1"), ("cleo", "f1")], cast.Select(c => ((string)c["from"]!, (string)c["to"]!)));
        Assert.Equal(("Hero", 1L, "notes", "as said"), ((string)cast[0]["role"]!, (long)cast[0]["billing"]!, (string)cast[0]["sourceDocument"]!, (string)cast[0]["sourceQuote"]!));
        Assert.Null(cast[1]["role"]);
        Assert.Equal("schedule", Assert.Single(Rows(runs[5]))["reason"]);
    }

    private static List<IReadOnlyDictionary<string, object?>> Rows(PeerRequest run) =>
        ((List<object?>)run.Parameters!["rows"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();

    [Fact]
    public async Task Outcome_counts_come_from_the_statements()
    {
        await using var peer = ScriptedPeer.StartAnswering((query, parameters) => query switch
        {
            _ when query == Cypher.NodeKinds => PeerReply.Rows(["id", "person"], ["ada", true], ["ben", true], ["cleo", true], ["f1", false]),
            _ when query == Cypher.UpsertPeople => PeerReply.Rows(["outcome", "rows"], ["unchanged", 2L], ["updated", 1L]),
            _ when query == Cypher.UpsertFilms => PeerReply.Rows(["outcome", "rows"], ["unchanged", 1L]),
            _ => PeerReply.Rows(["outcome", "rows"], ["unchanged", (long)((List<object?>)parameters["rows"]!).Count]),
        });
        await using var store = Store(peer);

        var summary = await store.WriteAsync(Batch);

        Assert.Equal(new Counts(0, 1, 2), summary.People);
        Assert.Equal(new Counts(0, 0, 1), summary.Films);
        Assert.Equal(new Counts(0, 0, 4), summary.Relationships);
    }

    [Fact]
    public async Task Counts_the_server_contradicts_make_the_transaction_run_again()
    {
        var attempts = 0;
        await using var peer = ScriptedPeer.StartAnswering((query, parameters) =>
        {
            if (query == Cypher.NodeKinds) attempts++;
            var reply = FreshServer(query, parameters);
            // The first time round another writer "got there first": the server created nothing.
            return attempts == 1 && query == Cypher.UpsertPeople ? reply with { Stats = Stats("nodes-created", 0) } : reply;
        });
        await using var store = Store(peer);

        var summary = await store.WriteAsync(Batch);

        Assert.Equal(2, attempts);
        Assert.Equal(new Counts(3, 0, 0), summary.People);
        Assert.Single(peer.Requests, r => r.Message == "COMMIT");
    }

    [Fact]
    public async Task A_batch_refers_to_nothing_unknown_or_nothing_is_written()
    {
        await using var peer = ScriptedPeer.StartAnswering(FreshServer);
        await using var store = Store(peer);

        var bad = GraphBatch.Of(relationships: [new Relationship(RelationshipType.CastIn, "ada", "nowhere")]);
        var error = await Assert.ThrowsAsync<GraphWriteException>(() => store.WriteAsync(bad));

        Assert.Contains(error.Problems, p => p.Place == "relationships[0].from");
        Assert.Equal([Cypher.NodeKinds], peer.Runs.Select(r => r.Query));
        Assert.DoesNotContain(peer.Requests, r => r.Message == "COMMIT");
    }

    // ---- a chain query ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_chain_query_sends_the_bounded_path_statement_and_orders_the_paths_it_gets()
    {
        var ada = Person("ada", "Ada Lovelace", 1815);
        var ben = Person("ben", "Ben");
        var cleo = Person("cleo", "Cleo");
        var dora = Person("dora", "Dora");
        var f1 = Film("f1", "First", 1990);
        var f2 = Film("f2", "Second", 1995);
        var f3 = Film("f3", "Third", 2000);
        var f4 = Film("f4", "Fourth", 2005);
        var via = new[] { RelationshipType.Directed, RelationshipType.CastIn };
        var query = new ChainQuery { From = "ada", To = "dora", MaxHops = 3, Via = via, ExcludeFilms = new HashSet<string> { "f9" }, FromYear = 1980 };

        await using var peer = ScriptedPeer.StartAnswering((statement, _) => statement switch
        {
            _ when statement == Cypher.NodeKinds => Kinds(("ada", true), ("dora", true), ("f9", false)),
            _ when statement == Cypher.ShortestPaths(via, 3) => PeerReply.Rows(["p"],
                // The server's order is not the chain order, and Ada both directed and acted in f1.
                [Path(ada, Rel(ada, "CAST_IN", f3, "Ada in Third"), f3, Rel(cleo, "CAST_IN", f3), cleo, Rel(cleo, "CAST_IN", f4), f4, Rel(dora, "CAST_IN", f4), dora)],
                [Path(ada, Rel(ada, "DIRECTED", f1), f1, Rel(ben, "CAST_IN", f1, "Hero"), ben, Rel(ben, "CAST_IN", f2), f2, Rel(dora, "CAST_IN", f2), dora)],
                [Path(ada, Rel(ada, "CAST_IN", f1, "Ada in First"), f1, Rel(ben, "CAST_IN", f1, "Hero"), ben, Rel(ben, "CAST_IN", f2), f2, Rel(dora, "CAST_IN", f2), dora)]),
            _ => PeerReply.Failure("Neo.ClientError.Statement.SyntaxError"),
        });
        await using var store = Store(peer);

        var chains = await store.ShortestChainsAsync(query, 10);

        var runs = peer.Runs;
        Assert.Equal(2, runs.Count);
        Assert.Equal(["ada", "dora", "f9"], ((List<object?>)runs[0].Parameters!["ids"]!).Cast<string>());
        Assert.Contains("allShortestPaths((a)-[:CAST_IN|DIRECTED*..6]-(b))", runs[1].Query);
        var p = runs[1].Parameters!;
        Assert.Equal(("ada", "dora", 1980L, (object?)null), (p["from"], p["to"], p["fromYear"], p["toYear"]));
        Assert.Equal(["f9"], ((List<object?>)p["excludeFilms"]!).Cast<string>());
        Assert.Empty((List<object?>)p["excludePeople"]!);
        Assert.Equal((long)Cypher.ShortestPathCap, p["cap"]);

        Assert.Equal(2, chains.Count);
        Assert.Equal(["f1", "ben", "f2", "dora"], chains[0].Links.SelectMany(l => new[] { l.Film.Id, l.To.Id }));
        Assert.Equal(["f3", "cleo", "f4", "dora"], chains[1].Links.SelectMany(l => new[] { l.Film.Id, l.To.Id }));

        var first = chains[0].Links[0];
        Assert.Equal(new Person("ada", "Ada Lovelace", 1815), first.From);
        Assert.Equal(new Film("f1", "First", 1990), first.Film);
        Assert.Equal((RelationshipType.CastIn, "Ada in First"), (first.FromType, first.FromRole)); // CAST_IN comes before DIRECTED
        Assert.Equal((RelationshipType.CastIn, "Hero"), (first.ToType, first.ToRole));
        Assert.Equal("dora", chains[0].Links[1].To.Id);
    }

    [Fact]
    public async Task Separation_reads_the_length_of_one_shortest_path()
    {
        var ada = Person("ada", "Ada");
        var eve = Person("eve", "Eve");
        await using var peer = ScriptedPeer.StartAnswering((statement, _) =>
            statement == Cypher.NodeKinds ? Kinds(("ada", true), ("eve", true)) : PeerReply.Rows(["length"], [6L]));
        await using var store = Store(peer);

        Assert.Equal(3, await store.SeparationAsync(new ChainQuery { From = "ada", To = "eve" }));
        // A length found joins two people, so the ends are not looked up first: one statement, one round trip.
        Assert.Contains("shortestPath((a)-[:CAST_IN*..12]-(b))", Assert.Single(peer.Runs).Query);
    }

    [Fact]
    public async Task A_person_reaches_themself_without_a_path_query()
    {
        await using var peer = ScriptedPeer.StartAnswering((_, _) => Kinds(("ada", true)));
        await using var store = Store(peer);

        var self = new ChainQuery { From = "ada", To = "ada" };
        Assert.Equal(0, Assert.Single(await store.ShortestChainsAsync(self, 5)).Length);
        Assert.Equal(0, await store.SeparationAsync(self with { MaxHops = 0 }));
        Assert.All(peer.Runs, r =>
        {
            Assert.Equal(Cypher.NodeKinds, r.Query);
            Assert.Equal(["ada"], ((List<object?>)r.Parameters!["ids"]!).Cast<string>());
        });
    }

    [Fact]
    public async Task Unknown_and_wrong_kind_chain_ends_are_named()
    {
        // The server matches no path from an end that is not a person; only then are the ends looked up, to name the bad one.
        await using var peer = ScriptedPeer.StartAnswering((statement, _) => statement == Cypher.NodeKinds ? Kinds(("f1", false))
            : PeerReply.Rows([statement.Contains("allShortestPaths") ? "p" : "length"]));
        await using var store = Store(peer);

        var missing = await Assert.ThrowsAsync<GraphQueryException>(() => store.SeparationAsync(new ChainQuery { From = "f1", To = "nobody" }));
        Assert.Equal((ErrorCodes.BadUserInput, "from"), (missing.Code, missing.Argument));
        var unknown = await Assert.ThrowsAsync<GraphQueryException>(() => store.ShortestChainsAsync(new ChainQuery { From = "nobody", To = "f1" }, 1));
        Assert.Equal((ErrorCodes.NotFound, "from"), (unknown.Code, unknown.Argument));
        Assert.Equal([false, true, false, true], peer.Runs.Select(r => r.Query == Cypher.NodeKinds));
    }

    // ---- other records ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Credits_map_relationship_properties_and_sort_by_film_then_type()
    {
        var ada = Person("ada", "Ada");
        var f1 = Film("f1", "First", 1990);
        var f0 = Film("f0", "Zero");
        var sourced = Rel(ada, "CAST_IN", f1, "Hero");
        var withSource = sourced with { Properties = new Dictionary<string, object?> { ["role"] = "Hero", ["billing"] = 2L, ["sourceDocument"] = "notes", ["sourceQuote"] = "q" } };
        await using var peer = ScriptedPeer.StartAnswering((statement, _) => statement == Cypher.NodeKinds ? Kinds(("ada", true)) : PeerReply.Rows(["p", "r", "f"],
            [ada, withSource, f1], [ada, Rel(ada, "DIRECTED", f1), f1], [ada, Rel(ada, "WROTE", f0), f0]));
        await using var store = Store(peer);

        var credits = await store.PersonCreditsAsync("ada", [RelationshipType.Wrote, RelationshipType.CastIn, RelationshipType.Directed]);

        Assert.Equal(["CAST_IN", "DIRECTED", "WROTE"], ((List<object?>)peer.Runs[1].Parameters!["types"]!).Cast<string>());
        Assert.Equal([("f0", RelationshipType.Wrote), ("f1", RelationshipType.CastIn), ("f1", RelationshipType.Directed)],
            credits.Select(c => (c.Film.Id, c.Type)));
        Assert.Equal(new RelationshipProperties(Role: "Hero", Billing: 2, Source: new Source("notes", "q")), credits[1].Properties);
        Assert.Null(credits[0].Film.Year);
    }

    [Fact]
    public async Task Search_sends_a_lucene_query_and_maps_people_and_films_with_their_scores()
    {
        await using var peer = ScriptedPeer.StartAnswering((_, _) => PeerReply.Rows(["node", "score"],
            [Person("ada", "Ada Lovelace", 1815), 2.5], [Film("f1", "Ada's Film", 1990), 1.25]));
        await using var store = Store(peer);

        var hits = await store.SearchAsync("Ada", 5);

        Assert.Equal(Cypher.Search, peer.Runs[0].Query);
        Assert.Equal(("(ada^4 OR ada*^2)", 5L), (peer.Runs[0].Parameters!["query"], peer.Runs[0].Parameters!["first"]));
        Assert.Equal([(NodeKind.Person, "ada", "Ada Lovelace", 2.5), (NodeKind.Film, "f1", "Ada's Film", 1.25)],
            hits.Select(h => (h.Kind, h.Id, h.Label, h.Score)));
        Assert.Equal(1815, hits[0].Person!.Born);
        Assert.Equal(1990, hits[1].Film!.Year);
        Assert.Empty(await store.SearchAsync("?!", 5));
        Assert.Single(peer.Runs);
    }

    [Fact]
    public async Task Neighbourhood_walks_level_by_level_and_cuts_at_the_limit_in_a_fixed_order()
    {
        var ada = Person("ada", "Ada", 1815);
        var f1 = Film("f1", "First", 1990);
        var f3 = Film("f3", "Third", 2000);
        var cleo = Person("cleo", "Cleo");
        await using var peer = ScriptedPeer.StartAnswering((statement, parameters) => statement switch
        {
            _ when statement == Cypher.NodeKinds => Kinds(("ada", true)),
            _ when statement == Cypher.NodesById => PeerReply.Rows(["id", "n"], ["ada", ada]),
            _ when statement == Cypher.Neighbours => PeerReply.Rows(["element", "type", "outgoing", "m"],
                [ada.ElementId, "CONFLICTED_WITH", true, cleo], [ada.ElementId, "CAST_IN", true, f3], [ada.ElementId, "CAST_IN", true, f1]),
            _ => PeerReply.Rows(["from", "type", "to", "role"], ["ada", "CAST_IN", "f1", "Ada in First"], ["ada", "CAST_IN", "f3", null]),
        });
        await using var store = Store(peer);

        var cut = await store.NeighbourhoodAsync(new NeighbourhoodQuery("ada", 2, [], 3));

        Assert.True(cut.Truncated);
        Assert.Equal([("ada", 0), ("f1", 1), ("f3", 1)], cut.Nodes.Select(n => (n.Id, n.Distance)));
        Assert.Equal((NodeKind.Film, "First", (int?)1990), (cut.Nodes[1].Kind, cut.Nodes[1].Label, cut.Nodes[1].Year));
        Assert.Equal(1815, cut.Nodes[0].Year);
        Assert.Equal(new SubgraphEdge(RelationshipType.CastIn, "ada", "f1", "Ada in First"), cut.Edges[0]);
        // The cut came at depth 1, so depth 2 was never asked for; the edges are among the included nodes only.
        Assert.Equal([Cypher.NodeKinds, Cypher.NodesById, Cypher.Neighbours, Cypher.EdgesAmong], peer.Runs.Select(r => r.Query));
        Assert.Equal(7, ((List<object?>)peer.Runs[2].Parameters!["types"]!).Count);
        Assert.Equal(3, ((List<object?>)peer.Runs[3].Parameters!["elements"]!).Count);
    }

    [Fact]
    public async Task Reach_expands_one_level_per_statement_and_counts_new_people_only()
    {
        await using var peer = ScriptedPeer.StartAnswering((statement, parameters) =>
        {
            if (statement == Cypher.NodeKinds) return Kinds(("ada", true));
            var frontier = ((List<object?>)parameters["frontier"]!).Cast<string>().ToList();
            return frontier switch
            {
                ["ada"] => PeerReply.Rows(["id"], ["ben"], ["cleo"]),
                ["ben", "cleo"] => PeerReply.Rows(["id"], ["ada"], ["dora"], ["cleo"]),
                _ => PeerReply.Rows(["id"], ["ben"]),
            };
        });
        await using var store = Store(peer);

        var reach = await store.ReachAsync(new ReachQuery("ada", 6, [RelationshipType.CastIn]));

        Assert.Equal([(0, 1L), (1, 2L), (2, 1L)], reach.Levels.Select(l => (l.Distance, l.People)));
        Assert.Equal(4, peer.Runs.Count); // the guard's node check, then levels 1, 2 and 3 (which found nobody new)
        Assert.All(peer.Runs.Skip(1), r => Assert.Equal(Cypher.CoWorkers([RelationshipType.CastIn]), r.Query));
    }

    [Fact]
    public async Task The_server_going_away_is_reported_as_store_unavailable()
    {
        var peer = ScriptedPeer.StartAnswering((_, _) => PeerReply.Rows([]));
        var uri = peer.Uri();
        await peer.DisposeAsync();
        await using var store = GuardedGraphStore.Wrap(Neo4jGraphStore.Connect(new Neo4jStoreOptions { Uri = uri },
            QuickRetries with { MaxTransactionRetryTime = TimeSpan.FromMilliseconds(200) }));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.GetPersonAsync("ada"));
        Assert.Equal(ErrorCodes.Unavailable, error.Code);
        Assert.Contains(uri.ToString(), error.Message);
        Assert.IsType<BoltServiceUnavailableException>(error.InnerException);
        Assert.Contains("cannot be reached", await store.ProblemAsync());
    }
}
