using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Importer.Tests;

/// <summary>What a store file holds, by id rather than by row number: counts and a digest of every node and edge in order.</summary>
internal sealed record StoreDigest(long Nodes, long Edges, string Digest)
{
    public static StoreDigest Of(string storePath)
    {
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var text = new StringBuilder();
        long nodes = 0, edges = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, kind, label, year, aliases FROM nodes ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                nodes++;
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "\\N" : reader.GetValue(i)).Append('\t');
                text.Append('\n');
            }
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT s.id, e.type, d.id, e.role, e.billing, e.reason, e.context, e.description, e.source_document, e.source_quote
                FROM edges e JOIN nodes s ON s.seq = e.src JOIN nodes d ON d.seq = e.dst ORDER BY s.id, e.type, d.id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                edges++;
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "\\N" : reader.GetValue(i)).Append('\t');
                text.Append('\n');
            }
        }
        return new StoreDigest(nodes, edges, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    /// <summary>
    /// The file as stored, row for row: nodes by their numbers, edges in primary-key order, and the names of the tables
    /// and indexes (an index left out would not show in the rows).
    /// </summary>
    public static string Rows(string storePath)
    {
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var text = new StringBuilder();
        foreach (var query in (string[])["SELECT type, name, tbl_name FROM sqlite_master ORDER BY name", "SELECT * FROM nodes ORDER BY seq",
                     "SELECT * FROM edges ORDER BY dst, type, src"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "\\N" : reader.GetValue(i)).Append('\t');
                text.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
