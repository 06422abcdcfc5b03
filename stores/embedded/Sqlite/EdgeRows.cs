using FilmGraph.Core;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>A relationship row as stored: node indexes (seq - 1) and the properties.</summary>
internal readonly record struct EdgeRow(int Source, RelationshipType Type, int Target, RelationshipProperties Properties);

/// <summary>
/// Relationship properties (roles, reasons, sources) stay in the file, not in memory; these are the reads that
/// fetch them by the primary key (source, type, target) or the index by target.
/// </summary>
internal static class EdgeRows
{
    private const string Select = "SELECT src, type, dst, role, billing, reason, context, description, source_document, source_quote FROM edges";

    public static List<EdgeRow> From(SqliteConnection connection, int source) =>
        Read(connection, $"{Select} WHERE src = $node ORDER BY type, dst", source);

    public static List<EdgeRow> To(SqliteConnection connection, int target) =>
        Read(connection, $"{Select} WHERE dst = $node ORDER BY type, src", target);

    public static RelationshipProperties? Properties(SqliteConnection connection, int source, RelationshipType type, int target)
    {
        using var command = StoreFile.Command(connection, $"{Select} WHERE src = $src AND type = $type AND dst = $dst",
            ("$src", source + 1), ("$type", (int)type), ("$dst", target + 1));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Row(reader).Properties : null;
    }

    private static List<EdgeRow> Read(SqliteConnection connection, string sql, int node)
    {
        using var command = StoreFile.Command(connection, sql, ("$node", node + 1));
        using var reader = command.ExecuteReader();
        var rows = new List<EdgeRow>();
        while (reader.Read()) rows.Add(Row(reader));
        return rows;
    }

    private static EdgeRow Row(SqliteDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var document = Text(8);
        var properties = new RelationshipProperties(
            Role: Text(3), Billing: r.IsDBNull(4) ? null : r.GetInt32(4), Reason: Text(5), Context: Text(6), Description: Text(7),
            Source: document is null ? null : new Source(document, Text(9)));
        return new EdgeRow(r.GetInt32(0) - 1, (RelationshipType)r.GetInt32(1), r.GetInt32(2) - 1, properties);
    }
}
