using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j;

/// <summary>
/// Centres on Neo4j: ranked on the client with the same <see cref="CentreSearch"/> as the embedded store, over the
/// person-film rows read a page of people at a time, and written to one <c>(:Centres {via})</c> node (see
/// <see cref="Cypher.WriteCentres"/>), which every process using the database then serves. Nothing ranks them in
/// the background here: the importer's <c>--centres</c> does, after an import. Stale means the count of via
/// relationships differs from the count when they were ranked (a change that keeps the count is not noticed).
/// </summary>
public sealed partial class Neo4jGraphStore
{
    private const int CentrePage = 10_000;

    private (string Via, int Candidates, int Done)? _ranking;

    public Task<IReadOnlyList<Centre>> CentresAsync(IReadOnlyList<RelationshipType> via, int first, CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<Centre>>(async tx =>
        {
            var rows = await RowsAsync(tx, Cypher.ReadCentres, Params(("via", Cypher.Alternation(via))), ct).ConfigureAwait(false);
            if (rows.Count == 0) return [];
            var ids = Longs(rows[0], "ids", o => (string)o!);
            var totals = Longs(rows[0], "totals", o => (long)o!);
            var reaches = Longs(rows[0], "reaches", o => (long)o!);
            var wanted = ids.Take(first).ToArray();
            var nodes = await NodesAsync(tx, wanted, ct).ConfigureAwait(false);
            var centres = new List<Centre>(wanted.Length);
            for (var i = 0; i < wanted.Length; i++)
                if (nodes.TryGetValue(wanted[i], out var node) && GraphRecords.IsPerson(node))
                    centres.Add(new Centre(GraphRecords.Person(node), totals[i], reaches[i]));
            return centres;
        }, ct);

    public Task<CentresStatus> CentresStatusAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct = default) =>
        ReadAsync(async tx =>
        {
            var name = Cypher.Alternation(via);
            var rows = await RowsAsync(tx, Cypher.ReadCentres, Params(("via", name)), ct).ConfigureAwait(false);
            DateTimeOffset? at = rows.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows[0].Get<long>("computedAt"));
            if (_ranking is { } r && r.Via == name) return new CentresStatus(CentresState.Computing, at, r.Candidates, r.Done, via);
            if (rows.Count == 0) return new CentresStatus(CentresState.Missing, null, 0, 0, via);
            var now = await CountAsync(tx, via, ct).ConfigureAwait(false);
            var candidates = rows[0].Get<int>("candidates");
            var state = now == rows[0].Get<long>("relationships") ? CentresState.Current : CentresState.Stale;
            return new CentresStatus(state, at, candidates, candidates, via);
        }, ct);

    public async Task<CentresStatus> ComputeCentresAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct = default)
    {
        var name = Cypher.Alternation(via);
        var relationships = await ReadAsync(tx => CountAsync(tx, via, ct), ct).ConfigureAwait(false);
        var graph = await ReadGraphAsync(via, ct).ConfigureAwait(false);
        var candidates = Math.Min(_options.CentreCandidates, graph.People);
        try
        {
            Report(0);
            var outcome = await Task.Factory.StartNew(
                () => CentreSearch.Run(graph, _options.CentreCandidates, Math.Max(1, _options.CentresKept), Environment.ProcessorCount, prune: true, Report, ct),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            await WriteAsync(tx => RowsAsync(tx, Cypher.WriteCentres, Params(
                ("via", name),
                ("computedAt", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                ("candidates", (long)outcome.Candidates),
                ("relationships", relationships),
                ("ids", outcome.Best.Select(b => graph.PersonId(b.Person)).ToArray()),
                ("totals", outcome.Best.Select(b => b.TotalDistance).ToArray()),
                ("reaches", outcome.Best.Select(b => b.ReachCount).ToArray())), ct), ct).ConfigureAwait(false);
        }
        finally
        {
            _ranking = null;
        }
        return await CentresStatusAsync(via, ct).ConfigureAwait(false);

        void Report(int done)
        {
            _ranking = (name, candidates, Math.Min(done, candidates));
            progress?.Report(new CentresStatus(CentresState.Computing, null, candidates, Math.Min(done, candidates), via));
        }
    }

    /// <summary>Every person's via films, a page of people (in id order) per read, numbered densely as they come.</summary>
    private async Task<CentreGraph> ReadGraphAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct)
    {
        var statement = Cypher.CentrePeoplePage(via);
        var people = new List<string>();
        var films = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new List<(int Person, int Film)>();
        var after = "";
        while (true)
        {
            var rows = await ReadAsync(tx => RowsAsync(tx, statement, Params(("after", after), ("page", (long)CentrePage)), ct), ct).ConfigureAwait(false);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                var id = row.Get<string>("id");
                var person = people.Count;
                people.Add(id);
                if (string.CompareOrdinal(id, after) > 0) after = id;
                foreach (var film in (IEnumerable<object?>)row["films"]!)
                {
                    var key = (string)film!;
                    if (!films.TryGetValue(key, out var f)) films[key] = f = films.Count;
                    pairs.Add((person, f));
                }
            }
            if (rows.Count < CentrePage) break;
        }
        return CentreGraph.FromPairs(people.Count, films.Count, pairs, p => people[p]);
    }

    private static async Task<long> CountAsync(ICypherTransaction tx, IReadOnlyList<RelationshipType> via, CancellationToken ct) =>
        (await RowsAsync(tx, Cypher.ViaRelationshipCount(via), NoParameters, ct).ConfigureAwait(false))[0].Get<long>("count");

    private static T[] Longs<T>(CypherRow row, string key, Func<object?, T> read) =>
        row[key] is IEnumerable<object?> items ? [.. items.Select(read)] : [];
}
