using FilmGraph.Bolt;
using FilmGraph.Core;
using static FilmGraph.Store.Neo4j.GraphRecords;

namespace FilmGraph.Store.Neo4j;

/// <summary>
/// The store port over Neo4j 5, through an <see cref="ICypherDatabase"/> (the project's Bolt client unless told
/// otherwise). Every statement is in <see cref="Cypher"/>. Each call runs in one managed transaction (retried on
/// transient failures); a write is one transaction however many <c>UNWIND</c> statements its rows need, so it
/// applies whole or not at all. Reads see the writes committed before them, on a cluster too.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private static readonly string[] ReplacementTypes = [RelationshipType.CastIn.Name(), RelationshipType.DroppedFrom.Name()];

    private readonly ICypherDatabase _database;
    private readonly Neo4jStoreOptions _options;
    private bool _disposed;

    private Neo4jGraphStore(ICypherDatabase database, Neo4jStoreOptions options)
    {
        _database = database;
        _options = options;
    }

    /// <summary>Connects, then creates the constraints and the full-text index when missing and waits for them.</summary>
    public static Task<IGraphStore> OpenAsync(Neo4jStoreOptions options, CancellationToken ct = default) =>
        ReadyAsync(Connect(options), ct);

    /// <summary>
    /// The store over another client (<paramref name="database"/> is disposed with the store); the schema is
    /// made ready as by <see cref="OpenAsync(Neo4jStoreOptions, CancellationToken)"/>.
    /// </summary>
    public static Task<IGraphStore> OpenAsync(ICypherDatabase database, Neo4jStoreOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        return ReadyAsync(new Neo4jGraphStore(database, options), ct);
    }

    private static async Task<IGraphStore> ReadyAsync(Neo4jGraphStore store, CancellationToken ct)
    {
        try
        {
            await store.EnsureSchemaAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A store on a driver, without touching the server yet.</summary>
    internal static Neo4jGraphStore Connect(Neo4jStoreOptions options, BoltDriverOptions? driverOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        var auth = string.IsNullOrEmpty(options.Username) ? BoltAuth.None() : BoltAuth.Basic(options.Username, options.Password);
        var driver = BoltDriver.Create(options.Uri, auth, (driverOptions ?? new BoltDriverOptions()) with { Database = options.Database });
        return new Neo4jGraphStore(new BoltCypherDatabase(driver, options.Database), options);
    }

    /// <summary>Other writers share the server, and asking it would cost a round trip: no version.</summary>
    public long? Version => null;

    public string Description => $"neo4j: {_options.Uri} ({(_options.Database is { } db ? $"database {db}" : "default database")})";

    public async Task<string?> ProblemAsync(CancellationToken ct = default)
    {
        if (_disposed) return "The store is closed.";
        try
        {
            await _database.VerifyConnectivityAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (_database.Classify(e) != CypherFault.None)
        {
            return $"Neo4j at {_options.Uri} cannot be reached: {e.Message}";
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        foreach (var statement in Cypher.Schema)
        {
            try
            {
                await _database.RunAutoCommitAsync(statement, NoParameters, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (_database.Classify(e) == CypherFault.Statement
                && _database.StatusCode(e)?.Contains("AlreadyExists", StringComparison.Ordinal) == true)
            {
                // Another process (the API and the importer start together) created it between our check and ours.
            }
        }
        await _database.RunAutoCommitAsync(Cypher.AwaitIndexes, Params(("seconds", (long)_options.IndexWait.TotalSeconds)), ct).ConfigureAwait(false);
    }

    // ---- transactions ----------------------------------------------------------------------------------------

    private static readonly Dictionary<string, object?> NoParameters = [];

    private Task<T> ReadAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _database.ReadAsync(work, ct);
    }

    private Task<T> WriteAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _database.WriteAsync(work, ct);
    }

    /// <summary>
    /// The server gone, refusing the credentials, failing inside or speaking nonsense is the store's fault; a
    /// statement the server rejects (a client error other than authentication) is a bug here and stays one.
    /// </summary>
    public GraphStoreException? Fault(Exception error) => error switch
    {
        _ when _database.Classify(error) == CypherFault.Unavailable || error is IOException or System.Net.Sockets.SocketException =>
            new GraphStoreException($"Neo4j at {_options.Uri} cannot answer: {error.Message}", error),
        ObjectDisposedException when _disposed => new GraphStoreException("The store is closed.", error),
        _ => null,
    };

    private static async Task<IReadOnlyList<CypherRow>> RowsAsync(ICypherTransaction tx, string query, Dictionary<string, object?> parameters, CancellationToken ct) =>
        (await tx.RunAsync(query, parameters, ct).ConfigureAwait(false)).Rows;

    private static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private static string[]? TypeNames(IReadOnlyCollection<RelationshipType>? types) =>
        types?.Distinct().Order().Select(t => t.Name()).ToArray();

    // ---- writes ----------------------------------------------------------------------------------------------

    public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(tx => WriteBatchAsync(tx, batch, ct), ct);
    }

    public Task<bool> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default) =>
        WriteAsync(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.Unlink(type), Params(("from", from), ("to", to)), ct).ConfigureAwait(false);
            return rows.Count > 0 && rows[0].Get<long>("removed") > 0;
        }, ct);

    public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ReadAsync(async tx =>
        {
            var kinds = await KindsAsync(tx, batch, ct).ConfigureAwait(false);
            return BatchValidator.Validate(batch, id => kinds.TryGetValue(id, out var kind) ? kind : null);
        }, ct);
    }

    private async Task<WriteSummary> WriteBatchAsync(ICypherTransaction tx, GraphBatch batch, CancellationToken ct)
    {
        // Checked inside the write transaction, so the kinds relied on are the ones the upserts see.
        var kinds = await KindsAsync(tx, batch, ct).ConfigureAwait(false);
        var problems = BatchValidator.Validate(batch, id => kinds.TryGetValue(id, out var kind) ? kind : null);
        if (problems.Count > 0) throw new GraphWriteException(problems);
        if (batch.IsEmpty) return WriteSummary.Zero;

        var people = await UpsertAsync(tx, Cypher.UpsertPeople, batch.People, p => p.Id, WriteRows.Person, nodes: true, ct).ConfigureAwait(false);
        var films = await UpsertAsync(tx, Cypher.UpsertFilms, batch.Films, f => f.Id, WriteRows.Film, nodes: true, ct).ConfigureAwait(false);
        var relationships = Counts.Zero;
        foreach (var group in batch.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key))
        {
            relationships = relationships.Add(await UpsertAsync(tx, Cypher.UpsertRelationships(group.Key), group.ToList(),
                r => (r.From, r.To), WriteRows.Relationship, nodes: false, ct).ConfigureAwait(false));
        }
        return new WriteSummary(people, films, relationships);
    }

    private static async Task<Dictionary<string, NodeKind>> KindsAsync(ICypherTransaction tx, GraphBatch batch, CancellationToken ct)
    {
        var ids = batch.People.Select(p => p.Id).Concat(batch.Films.Select(f => f.Id))
            .Concat(batch.Relationships.SelectMany(r => new[] { r.From, r.To }))
            .Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        return KindsOf(await RowsAsync(tx, Cypher.NodeKinds, Params(("ids", ids)), ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Sends distinct rows in statements of <see cref="Neo4jStoreOptions.BatchSize"/>; a repeat of an earlier row
    /// (the validator has made sure it is identical) counts as unchanged. The outcome counts the statement returns
    /// are checked against the server's own counters and the rows sent.
    /// </summary>
    private async Task<Counts> UpsertAsync<T, TKey>(ICypherTransaction tx, string statement, IReadOnlyList<T> items, Func<T, TKey> key,
        Func<T, Dictionary<string, object?>> toRow, bool nodes, CancellationToken ct) where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        var distinct = items.Where(i => seen.Add(key(i))).ToList();
        var counts = new Counts(0, 0, items.Count - distinct.Count);
        foreach (var chunk in distinct.Chunk(_options.BatchSize))
        {
            var result = await tx.RunAsync(statement, Params(("rows", chunk.Select(toRow).ToArray())), ct).ConfigureAwait(false);
            var outcomes = result.Rows.ToDictionary(r => r.Get<string>("outcome"), r => r.Get<int>("rows"), StringComparer.Ordinal);
            var chunkCounts = new Counts(outcomes.GetValueOrDefault("created"), outcomes.GetValueOrDefault("updated"), outcomes.GetValueOrDefault("unchanged"));
            if (chunkCounts.Total != chunk.Length)
                throw new InvalidOperationException($"An upsert of {chunk.Length} rows accounted for {chunkCounts.Total}; nothing was committed.");
            var serverCreated = nodes ? result.NodesCreated : result.RelationshipsCreated;
            if (serverCreated != chunkCounts.Created)
            {
                // Another writer created some of the same nodes or relationships between the look and the merge:
                // the transaction is retried, and the retry sees them and counts them honestly.
                throw new CypherConflictException(
                    $"The server created {serverCreated} {(nodes ? "nodes" : "relationships")} where {chunkCounts.Created} were expected.");
            }
            counts = counts.Add(chunkCounts);
        }
        return counts;
    }

    // ---- nodes and search ------------------------------------------------------------------------------------

    public Task<Person?> GetPersonAsync(string id, CancellationToken ct = default) =>
        ReadAsync(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.GetPerson, Params(("id", id)), ct).ConfigureAwait(false);
            return rows.Count == 0 ? null : Person((CypherNode)rows[0]["p"]!);
        }, ct);

    public Task<Film?> GetFilmAsync(string id, CancellationToken ct = default) =>
        ReadAsync(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.GetFilm, Params(("id", id)), ct).ConfigureAwait(false);
            return rows.Count == 0 ? null : Film((CypherNode)rows[0]["f"]!);
        }, ct);

    public async Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default)
    {
        var key = TextKey.Of(name);
        if (SearchQuery.Phrase(key) is not { } phrase) return [];
        var nodes = await ReadAsync(tx => RowsAsync(tx, Cypher.PeopleByKey, Params(("phrase", phrase), ("key", key)), ct), ct).ConfigureAwait(false);
        return nodes.Select(r => Person((CypherNode)r["node"]!)).ToList();
    }

    public async Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default)
    {
        var key = TextKey.Of(title);
        if (SearchQuery.Phrase(key) is not { } phrase) return [];
        var nodes = await ReadAsync(tx => RowsAsync(tx, Cypher.FilmsByKey, Params(("phrase", phrase), ("key", key), ("year", year)), ct), ct).ConfigureAwait(false);
        return nodes.Select(r => Film((CypherNode)r["node"]!)).ToList();
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default)
    {
        if (SearchQuery.Lucene(text) is not { } query) return [];
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.Search, Params(("query", query), ("first", (long)first)), ct), ct).ConfigureAwait(false);
        return rows.Select(r =>
        {
            var node = (CypherNode)r["node"]!;
            var score = r.Get<double>("score");
            return IsPerson(node)
                ? new SearchHit(NodeKind.Person, Id(node), Label(node), score, Person(node), null)
                : new SearchHit(NodeKind.Film, Id(node), Label(node), score, null, Film(node));
        }).ToList();
    }

    public Task<GraphStats> StatsAsync(CancellationToken ct = default) =>
        ReadAsync(async tx =>
        {
            var row = (await RowsAsync(tx, Cypher.Stats, [], ct).ConfigureAwait(false)).Single();
            return new GraphStats(row.Get<long>("people"), row.Get<long>("films"), row.Get<long>("relationships"));
        }, ct);

    // ---- existence -------------------------------------------------------------------------------------------

    public async Task<IReadOnlyDictionary<string, NodeKind>> NodeKindsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, NodeKind>();
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.NodeKinds, Params(("ids", ids.Distinct(StringComparer.Ordinal).ToArray())), ct), ct)
            .ConfigureAwait(false);
        return KindsOf(rows);
    }

    private static async Task<Dictionary<string, CypherNode>> NodesAsync(ICypherTransaction tx, string[] ids, CancellationToken ct)
    {
        var rows = await RowsAsync(tx, Cypher.NodesById, Params(("ids", ids.Distinct(StringComparer.Ordinal).ToArray())), ct).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Get<string>("id"), r => (CypherNode)r["n"]!, StringComparer.Ordinal);
    }

    private static Dictionary<string, NodeKind> KindsOf(IReadOnlyList<CypherRow> rows)
    {
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        foreach (var row in rows) kinds[row.Get<string>("id")] = row.Get<bool>("person") ? NodeKind.Person : NodeKind.Film;
        return kinds;
    }

    // ---- credits, conflicts, co-stars ------------------------------------------------------------------------

    public async Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.PersonCredits, Params(("id", personId), ("types", TypeNames(types))), ct), ct)
            .ConfigureAwait(false);
        return rows.Select(Credit).ToList();
    }

    /// <summary>
    /// Two statements in one transaction: the keys of every matching credit (film and type, no properties) to order and
    /// count them by the core rule, then the page's relationships whole.
    /// </summary>
    public Task<Page<Credit>> PersonCreditsPageAsync(CreditsQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(async tx =>
        {
            var keys = await RowsAsync(tx, Cypher.PersonCreditKeys, Params(("id", query.PersonId), ("types", TypeNames(query.Types))), ct).ConfigureAwait(false);
            var page = Traversal.CreditsPage(
                keys.Select(r => new Credit(Person((CypherNode)r["p"]!), Film((CypherNode)r["f"]!), Type(r.Get<string>("type")), RelationshipProperties.None)).ToList(),
                query);
            if (page.Items.Count == 0) return page;
            var films = page.Items.Select(c => c.Film.Id).Distinct().ToArray();
            var rows = await RowsAsync(tx, Cypher.PersonCreditsOn,
                Params(("id", query.PersonId), ("films", films), ("types", TypeNames(page.Items.Select(c => c.Type).ToList()))), ct).ConfigureAwait(false);
            var whole = rows.Select(Credit).ToDictionary(c => (c.Film.Id, c.Type));
            return page with { Items = page.Items.Select(c => whole.GetValueOrDefault((c.Film.Id, c.Type), c)).ToList() };
        }, ct);
    }

    public async Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.FilmCredits, Params(("id", filmId), ("types", TypeNames(types))), ct), ct)
            .ConfigureAwait(false);
        return rows.Select(Credit).ToList();
    }

    public async Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.Conflicts, Params(("id", personId)), ct), ct).ConfigureAwait(false);
        return rows.Select(r =>
            {
                var properties = Properties((CypherRelationship)r["r"]!);
                var context = r["c"] is CypherNode film ? Film(film) : null;
                return new Conflict(Person((CypherNode)r["o"]!), r.Get<bool>("outgoing"), context, properties.Context, properties.Description, properties.Source);
            }).ToList();
    }

    public async Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.CoStars, Params(("id", personId), ("first", (long)first)), ct), ct).ConfigureAwait(false);
        return rows.Select(r => new CoStar(Person((CypherNode)r["o"]!), r.Get<List<object?>>("films").Cast<CypherNode>().Select(Film).ToList())).ToList();
    }

    public async Task<int> CoStarCountAsync(string personId, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.CoStarCount, Params(("id", personId)), ct), ct).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : checked((int)rows[0].Get<long>("count"));
    }

    public async Task<IReadOnlyList<KnownCredit>> KnownForAsync(IReadOnlyCollection<string> personIds, int first, CancellationToken ct = default)
    {
        // Enough per person that removing a film credited under several types still leaves `first`.
        var keep = (long)first * RelationshipTypes.PersonToFilm.Count;
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.KnownFor, Params(("ids", personIds.ToArray()), ("keep", keep)), ct), ct).ConfigureAwait(false);
        return rows.Select(r => new KnownCredit(r.Get<string>("id"), Film((CypherNode)r["f"]!),
            TypeOf(r.Get<string>("type")),
            (int)r.Get<long>("castSize"))).ToList();
    }

    public async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(IReadOnlyCollection<string> filmIds, int first, CancellationToken ct = default)
    {
        var keep = (long)first * RelationshipTypes.PersonToFilm.Count;
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.KnownPeople, Params(("ids", filmIds.ToArray()), ("keep", keep)), ct), ct).ConfigureAwait(false);
        return rows.Select(r => new KnownPerson(r.Get<string>("id"), Person((CypherNode)r["p"]!), TypeOf(r.Get<string>("type")), (int)r.Get<long>("credits"))).ToList();
    }

    private static RelationshipType TypeOf(string name) =>
        RelationshipTypes.TryParse(name, out var type) ? type : throw new GraphStoreException($"Neo4j returned the unknown relationship type '{name}'.");

    // ---- chains and walks ------------------------------------------------------------------------------------

    public Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default)
    {
        return ReadAsync<IReadOnlyList<Chain>>(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.ShortestPaths(query.Via, query.MaxHops), ChainParameters(query), ct).ConfigureAwait(false);
            return ChainPaths.ToChains(rows.Select(r => (CypherPath)r["p"]!), first);
        }, ct);
    }

    public Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default)
    {
        return ReadAsync<int?>(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.ShortestLength(query.Via, query.MaxHops), ChainParameters(query), ct).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0].Get<int>("length") / 2;
        }, ct);
    }

    /// <summary>Counted by the server up to <see cref="Cypher.ShortestPathCap"/>, which it then answers.</summary>
    public Task<long?> ChainCountAsync(ChainQuery query, CancellationToken ct = default)
    {
        return ReadAsync<long?>(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.ShortestCount(query.Via, query.MaxHops), ChainParameters(query), ct).ConfigureAwait(false);
            var count = rows.Count == 0 ? 0 : rows[0].Get<long>("count");
            return count == 0 ? null : count;
        }, ct);
    }

    private static Dictionary<string, object?> ChainParameters(ChainQuery query) => Params(
        ("from", query.From),
        ("to", query.To),
        ("excludePeople", query.ExcludePeople.Order(StringComparer.Ordinal).ToArray()),
        ("excludeFilms", query.ExcludeFilms.Order(StringComparer.Ordinal).ToArray()),
        ("fromYear", query.FromYear),
        ("toYear", query.ToYear),
        ("cap", (long)Cypher.ShortestPathCap));

    public Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default)
    {
        return ReadAsync(async tx =>
        {
            var levels = new List<ReachLevel> { new(0, 1) };
            var seen = new HashSet<string>(StringComparer.Ordinal) { query.Id };
            var frontier = new List<string> { query.Id };
            var statement = Cypher.CoWorkers(query.Via);
            for (var hop = 1; hop <= query.MaxHops && frontier.Count > 0; hop++)
            {
                var rows = await RowsAsync(tx, statement, Params(("frontier", frontier.ToArray())), ct).ConfigureAwait(false);
                frontier = rows.Select(r => r.Get<string>("id")).Where(seen.Add).ToList();
                if (frontier.Count > 0) levels.Add(new ReachLevel(hop, frontier.Count));
            }
            return new Reach(query.Id, levels);
        }, ct);
    }

    public Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default)
    {
        var types = TypeNames(query.Types)!;
        return ReadAsync(async tx =>
        {
            var nodes = await NodesAsync(tx, [query.Id], ct).ConfigureAwait(false);
            if (!nodes.TryGetValue(query.Id, out var start)) return new Subgraph([], [], false);

            var included = new List<(CypherNode Node, int Distance)> { (start, 0) };
            var marked = new HashSet<string>(StringComparer.Ordinal) { start.ElementId };
            var frontier = new List<string> { start.ElementId };
            var truncated = false;
            for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
            {
                var rows = await RowsAsync(tx, Cypher.Neighbours, Params(("frontier", frontier.ToArray()), ("types", types)), ct).ConfigureAwait(false);
                var position = frontier.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i, StringComparer.Ordinal);
                // Breadth-first in a fixed order (frontier, type, outgoing first, id), so a cut is reproducible.
                var ordered = rows.Select(r => (From: position[r.Get<string>("element")], Type: Type(r.Get<string>("type")), Out: r.Get<bool>("outgoing"), Node: (CypherNode)r["m"]!))
                    .OrderBy(r => r.From).ThenBy(r => r.Type).ThenBy(r => !r.Out).ThenBy(r => Id(r.Node), StringComparer.Ordinal);
                var next = new List<string>();
                foreach (var row in ordered)
                {
                    if (marked.Contains(row.Node.ElementId)) continue;
                    if (included.Count >= query.Limit)
                    {
                        truncated = true;
                        break;
                    }
                    marked.Add(row.Node.ElementId);
                    included.Add((row.Node, depth));
                    next.Add(row.Node.ElementId);
                }
                frontier = next;
            }

            var edgeRows = await RowsAsync(tx, Cypher.EdgesAmong, Params(("elements", marked.ToArray()), ("types", types)), ct).ConfigureAwait(false);
            var edges = edgeRows.Select(r => new SubgraphEdge(Type(r.Get<string>("type")), r.Get<string>("from"), r.Get<string>("to"), r.Get<string?>("role"))).ToList();
            var subgraphNodes = included.Select(n => new SubgraphNode(Id(n.Node), Kind(n.Node), Label(n.Node),
                Int(n.Node[IsPerson(n.Node) ? "born" : "year"]), n.Distance)).ToList();
            return new Subgraph(subgraphNodes, edges, truncated);
        }, ct);
    }

    // ---- replacements ----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => filmId is null
            ? RowsAsync(tx, Cypher.ReplacementCredits, [], ct)
            : RowsAsync(tx, Cypher.FilmCredits, Params(("id", filmId), ("types", ReplacementTypes)), ct), ct).ConfigureAwait(false);
        return Replacements(rows);
    }

    public async Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default)
    {
        var rows = await ReadAsync(tx => RowsAsync(tx, Cypher.ReplacementCreditsOfPerson, Params(("id", personId)), ct), ct).ConfigureAwait(false);
        return Replacements(rows);
    }

    /// <summary>The replacement rule itself stays in <see cref="Traversal.Replacements"/>; Cypher only fetches the credits.</summary>
    private static List<Replacement> Replacements(IReadOnlyList<CypherRow> rows) =>
        rows.Select(Credit).GroupBy(c => c.Film.Id, StringComparer.Ordinal)
            .SelectMany(film => Traversal.Replacements(film.ToList())).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
