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
/// against the node table in memory; for relationships the file decides (insert, else update where different).
/// </summary>
internal static class BatchWriter
{
    /// <summary>Writes inside <paramref name="tx"/>; the caller commits.</summary>
    public static AppliedBatch Apply(SqliteConnection connection, SqliteTransaction tx, NodeTable nodes, GraphBatch batch, CancellationToken ct)
    {
        var appended = new List<NodeRow>();
        var changed = new List<NodeRow>();
        var newNodes = new Dictionary<string, int>(StringComparer.Ordinal);

        using var insertNode = Prepare(connection, tx,
            "INSERT INTO nodes (seq, id, kind, label, year, aliases) VALUES ($seq, $id, $kind, $label, $year, $aliases)",
            "$seq", "$id", "$kind", "$label", "$year", "$aliases");
        using var updateNode = Prepare(connection, tx,
            "UPDATE nodes SET label = $label, year = $year, aliases = $aliases WHERE seq = $seq",
            "$seq", "$label", "$year", "$aliases");

        Counts UpsertNode(NodeRow row, Func<int, bool> isSame)
        {
            var existing = nodes.IndexOf(row.Id);
            if (existing < 0 && newNodes.ContainsKey(row.Id)) return new Counts(0, 0, 1);
            if (existing < 0)
            {
                var node = nodes.Count + appended.Count;
                newNodes[row.Id] = node;
                appended.Add(row with { Node = node });
                Run(insertNode, node + 1, row.Id, (int)row.Kind, row.Label, row.Year, AliasesJson(row.Aliases));
                return new Counts(1, 0, 0);
            }
            if (isSame(existing)) return new Counts(0, 0, 1);
            changed.Add(row with { Node = existing });
            Run(updateNode, existing + 1, row.Label, row.Year, AliasesJson(row.Aliases));
            return new Counts(0, 1, 0);
        }

        var people = Counts.Zero;
        foreach (var p in batch.People)
        {
            ct.ThrowIfCancellationRequested();
            people = people.Add(UpsertNode(NodeRow.Of(p, -1), n => nodes.IsSame(n, p)));
        }
        var films = Counts.Zero;
        foreach (var f in batch.Films)
        {
            ct.ThrowIfCancellationRequested();
            films = films.Add(UpsertNode(NodeRow.Of(f, -1), n => nodes.IsSame(n, f)));
        }

        const string columns = "role, billing, reason, context, description, source_document, source_quote";
        using var insertEdge = Prepare(connection, tx,
            $"INSERT OR IGNORE INTO edges (src, type, dst, {columns}) VALUES ($src, $type, $dst, $role, $billing, $reason, $context, $description, $doc, $quote)",
            "$src", "$type", "$dst", "$role", "$billing", "$reason", "$context", "$description", "$doc", "$quote");
        using var updateEdge = Prepare(connection, tx,
            $"""
            UPDATE edges SET role = $role, billing = $billing, reason = $reason, context = $context, description = $description,
                             source_document = $doc, source_quote = $quote
            WHERE src = $src AND type = $type AND dst = $dst
              AND (role IS NOT $role OR billing IS NOT $billing OR reason IS NOT $reason OR context IS NOT $context
                   OR description IS NOT $description OR source_document IS NOT $doc OR source_quote IS NOT $quote)
            """,
            "$src", "$type", "$dst", "$role", "$billing", "$reason", "$context", "$description", "$doc", "$quote");

        var created = new List<(int, RelationshipType, int)>();
        int updated = 0, unchanged = 0;
        // In primary-key order, inserts append to the same few B-tree pages instead of touching pages all over the file.
        var ordered = batch.Relationships
            .Select(r => (Source: Resolve(r.From), r.Type, Target: Resolve(r.To), r.Properties))
            .OrderBy(r => r.Source).ThenBy(r => r.Type).ThenBy(r => r.Target);
        foreach (var (source, type, target, p) in ordered)
        {
            ct.ThrowIfCancellationRequested();
            object?[] values = [source + 1, (int)type, target + 1, p.Role, p.Billing, p.Reason, p.Context, p.Description, p.Source?.Document, p.Source?.Quote];
            if (Run(insertEdge, values) == 1) created.Add((source, type, target));
            else if (Run(updateEdge, values) == 1) updated++;
            else unchanged++;
        }

        var relationships = new Counts(created.Count, updated, unchanged);
        return new AppliedBatch(new WriteSummary(people, films, relationships), appended, changed, created);

        int Resolve(string id) => nodes.IndexOf(id) is var n and >= 0 ? n : newNodes[id];
    }

    private static string? AliasesJson(string[]? aliases) => aliases is { Length: > 0 } ? JsonSerializer.Serialize(aliases) : null;

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }
}
