using System.Buffers;
using System.Text.Json;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>What one committed batch changed, for the in-memory index to follow.</summary>
internal sealed record AppliedBatch(
    WriteSummary Summary,
    List<NodeRow> Appended,
    List<NodeRow> Changed,
    List<(int Source, RelationshipType Type, int Target)> CreatedEdges);

/// <summary>
/// Writes a validated batch. Whether a node is new, changed or the same is decided
/// against the node table in memory; for relationships the file decides (insert, else update where different), or
/// during a bulk import the set of stored relationships in memory (<see cref="BulkLoad"/>).
/// </summary>
internal static class BatchWriter
{
    /// <summary>Writes inside the connection's open transaction; the caller commits.</summary>
    /// <param name="bulk">
    /// A bulk import, which keeps every relationship the file holds in memory: new ones are then appended without asking
    /// SQLite whether they are there. The caller tells it the created ones once the transaction commits.
    /// </param>
    /// <param name="lookup">The node numbers of the batch's ids, as the validator looked them up.</param>
    /// <param name="ends">When given, the stored nodes of relationship i's ends at 2i and 2i + 1 (-1: not stored), looked up already.</param>
    public static AppliedBatch Apply(SqliteConnection connection, NodeTable nodes, BatchLookup lookup, GraphBatch batch, BulkLoad? bulk,
        CancellationToken ct, int[]? ends = null)
    {
        // Sized for the batch: at 50,000 records a list grown by doubling copies itself on the large object heap a few times.
        var appended = new List<NodeRow>(batch.People.Count + batch.Films.Count);
        var changed = new List<NodeRow>();
        var newNodes = new Dictionary<string, int>(StringComparer.Ordinal);

        const string nodeColumns = "INSERT INTO nodes (seq, id, kind, label, year, aliases) VALUES ";
        using var insertNode = new Statement(connection, nodeColumns + Values(1, NodeColumnCount));
        // New nodes too go RowsPerInsert to a statement (see the relationships below); the last few one by one.
        using var insertNodes = batch.People.Count + batch.Films.Count >= RowsPerInsert
            ? new Statement(connection, nodeColumns + Values(RowsPerInsert, NodeColumnCount)) : null;
        var waitingNodes = 0;
        using var updateNode = new Statement(connection, "UPDATE nodes SET label = ?4, year = ?5, aliases = ?6 WHERE seq = ?1");

        // What became of each node, counted per batch: a Counts and a closure per node were 190 MiB of an L import's 3.4 GB of garbage.
        const int nodeCreated = 0, nodeUpdated = 1, nodeUnchanged = 2;
        int UpsertNode(NodeRow row)
        {
            var existing = lookup.IndexOf(row.Id);
            if (existing < 0 && newNodes.ContainsKey(row.Id)) return nodeUnchanged;
            if (existing < 0)
            {
                var node = nodes.Count + appended.Count;
                newNodes[row.Id] = node;
                appended.Add(row with { Node = node });
                if (insertNodes is null) BindNode(insertNode, node, row, 0).Execute();
                else if (++waitingNodes == RowsPerInsert)
                {
                    for (var w = 0; w < RowsPerInsert; w++) BindNode(insertNodes, appended[^(RowsPerInsert - w)].Node, appended[^(RowsPerInsert - w)], w * NodeColumnCount);
                    insertNodes.Execute();
                    waitingNodes = 0;
                }
                return nodeCreated;
            }
            if (nodes.IsSame(existing, row)) return nodeUnchanged;
            changed.Add(row with { Node = existing });
            updateNode.Bind(1, existing + 1).Bind(4, row.Label).Bind(5, row.Year).Bind(6, AliasesJson(row.Aliases)).Run();
            return nodeUpdated;
        }

        var people = new int[3];
        foreach (var p in batch.People)
        {
            ct.ThrowIfCancellationRequested();
            people[UpsertNode(NodeRow.Of(p, -1))]++;
        }
        var films = new int[3];
        foreach (var f in batch.Films)
        {
            ct.ThrowIfCancellationRequested();
            films[UpsertNode(NodeRow.Of(f, -1))]++;
        }

        for (var w = appended.Count - waitingNodes; w < appended.Count; w++) BindNode(insertNode, appended[w].Node, appended[w], 0).Execute();

        var created = new List<(int, RelationshipType, int)>(batch.Relationships.Count);
        int updated = 0, unchanged = 0;
        // In primary-key order (target, type, source), inserts append to the same few B-tree pages instead of touching
        // pages all over the file. The packed keys sort in that order.
        var relationships = batch.Relationships;
        // Rented: at 50,000 relationships a batch, new arrays would land on the large object heap at every batch.
        var keys = ArrayPool<long>.Shared.Rent(relationships.Count);
        var order = ArrayPool<int>.Shared.Rent(relationships.Count);
        try
        {
            for (var i = 0; i < relationships.Count; i++)
            {
                var r = relationships[i];
                var (from, to) = ends is null ? (-1, -1) : (ends[2 * i], ends[2 * i + 1]);
                keys[i] = EdgeKeys.Of(from >= 0 ? from : Resolve(r.From), (int)r.Type, to >= 0 ? to : Resolve(r.To));
                order[i] = i;
            }
            Array.Sort(keys, order, 0, relationships.Count);
            var known = bulk?.Known;

            const string columns = "role, billing, reason, context, description, source_document, source_quote";
            // Without the set of stored relationships, SQLite decides: insert unless the key is there. With it, the set
            // decides and a new row is a plain insert (one that is there after all fails the batch rather than hide it).
            using var insertEdge = new Statement(connection,
                $"INSERT {(known is null ? "OR IGNORE " : "")}INTO edges (src, type, dst, {columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
            using var updateEdge = new Statement(connection,
                """
                UPDATE edges SET role = ?4, billing = ?5, reason = ?6, context = ?7, description = ?8, source_document = ?9, source_quote = ?10
                WHERE src = ?1 AND type = ?2 AND dst = ?3
                  AND (role IS NOT ?4 OR billing IS NOT ?5 OR reason IS NOT ?6 OR context IS NOT ?7 OR description IS NOT ?8
                       OR source_document IS NOT ?9 OR source_quote IS NOT ?10)
                """);
            // New rows go RowsPerInsert to a statement: one step, one reset and one pass of SQLite's statement set-up
            // for all of them, where a statement per row spends about as much on those as on the row.
            using var insertMany = known is null ? null : new Statement(connection, $"INSERT INTO edges (src, type, dst, {columns}) VALUES {Values(RowsPerInsert, ColumnCount)}");
            var waiting = 0;
            for (var i = 0; i < relationships.Count; i++)
            {
                if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                var (source, type, target) = EdgeKeys.Parts(keys[i]);
                var p = relationships[order[i]].Properties;
                // The same relationship twice in a batch is the same record twice (the validator refuses different ones).
                if (known is not null && i > 0 && keys[i] == keys[i - 1]) unchanged++;
                else if (known is not null && !known.Contains(keys[i]))
                {
                    Bind(insertMany!, source, (RelationshipType)type, target, p, waiting * ColumnCount);
                    if (++waiting == RowsPerInsert)
                    {
                        insertMany!.Execute();
                        waiting = 0;
                    }
                    created.Add((source, (RelationshipType)type, target));
                    bulk!.Created(keys[i], order[i]);
                }
                else if (known is null && Bind(insertEdge, source, (RelationshipType)type, target, p).Run() == 1)
                    created.Add((source, (RelationshipType)type, target));
                else if (Bind(updateEdge, source, (RelationshipType)type, target, p).Run() == 1) updated++;
                else unchanged++;
            }
            // The last few, bound to the statement of many but not yet written, one statement each.
            for (var w = created.Count - waiting; w < created.Count; w++)
            {
                var (source, type, target) = created[w];
                var p = relationships[order[IndexOf(keys, relationships.Count, EdgeKeys.Of(source, (int)type, target))]].Properties;
                Bind(insertEdge, source, type, target, p).Execute();
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }

        var edges = new Counts(created.Count, updated, unchanged);
        return new AppliedBatch(new WriteSummary(Tally(people), Tally(films), edges), appended, changed, created);

        int Resolve(string id) => lookup.IndexOf(id) is var n and >= 0 ? n : newNodes[id];
    }

    private static Counts Tally(int[] outcomes) => new(outcomes[0], outcomes[1], outcomes[2]);

    private const int ColumnCount = 10;
    private const int RowsPerInsert = 64;

    private const int NodeColumnCount = 6;

    /// <summary>The VALUES of an insert of <paramref name="rows"/> rows: (?1, ..., ?n), (?n+1, ..., ?2n), ...</summary>
    private static string Values(int rows, int columns) => string.Join(", ", Enumerable.Range(0, rows)
        .Select(row => $"({string.Join(", ", Enumerable.Range(row * columns + 1, columns).Select(n => $"?{n}"))})"));

    private static Statement BindNode(Statement s, int node, NodeRow row, int at) =>
        s.Bind(at + 1, node + 1).Bind(at + 2, row.Id).Bind(at + 3, (int)row.Kind).Bind(at + 4, row.Label).Bind(at + 5, row.Year)
            .Bind(at + 6, AliasesJson(row.Aliases));

    /// <summary>Where <paramref name="key"/> is among the first <paramref name="count"/> sorted keys.</summary>
    private static int IndexOf(long[] keys, int count, long key) => Array.BinarySearch(keys, 0, count, key);

    private static Statement Bind(Statement s, int source, RelationshipType type, int target, RelationshipProperties p, int at = 0) =>
        s.Bind(at + 1, source + 1).Bind(at + 2, (int)type).Bind(at + 3, target + 1).Bind(at + 4, p.Role).Bind(at + 5, p.Billing)
            .Bind(at + 6, p.Reason).Bind(at + 7, p.Context).Bind(at + 8, p.Description).Bind(at + 9, p.Source?.Document).Bind(at + 10, p.Source?.Quote);

    private static string? AliasesJson(string[]? aliases) => aliases is { Length: > 0 } ? JsonSerializer.Serialize(aliases) : null;
}
