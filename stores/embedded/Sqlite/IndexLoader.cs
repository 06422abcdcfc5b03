using System.Text.Json;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>Reads the file into a fresh <see cref="GraphIndex"/>: the node table always, adjacency and names when asked.</summary>
internal static class IndexLoader
{
    public static GraphIndex Load(SqliteConnection connection, bool buildIndex, SqliteTransaction? tx = null)
    {
        var dataVersion = StoreFile.DataVersion(connection, tx);
        var rows = new List<NodeRow>();
        using (var command = StoreFile.Command(connection, tx, "SELECT seq, id, kind, label, year, aliases FROM nodes ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                if (seq != rows.Count + 1)
                    throw new InvalidDataException($"The store's node numbering has a gap at seq {rows.Count + 1} (found {seq}); the file was changed by something other than FilmGraph.");
                rows.Add(new NodeRow(rows.Count, reader.GetString(1), (NodeKind)reader.GetInt32(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(5))));
            }
        }
        var nodes = NodeTable.Empty(Math.Max(1024, rows.Count + rows.Count / 4)).With(rows, []);
        if (!buildIndex) return new GraphIndex(nodes, Adjacency.Empty, null, dataVersion);

        var sources = new GrowableArray<int>();
        var types = new GrowableArray<byte>();
        var targets = new GrowableArray<int>();
        using (var command = StoreFile.Command(connection, tx, "SELECT src, type, dst FROM edges"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                sources.Add(reader.GetInt32(0) - 1);
                types.Add((byte)reader.GetInt32(1));
                targets.Add(reader.GetInt32(2) - 1);
            }
        }
        var adjacency = Adjacency.Build(nodes.Count, sources.Span, types.Span, targets.Span);
        return new GraphIndex(nodes, adjacency, NameIndex.Build(nodes), dataVersion);
    }

    /// <summary>A list of unmanaged values without per-element overhead, read back as a span.</summary>
    private sealed class GrowableArray<T> where T : unmanaged
    {
        private T[] _items = new T[1024];
        private int _count;

        public void Add(T item)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = item;
        }

        public ReadOnlySpan<T> Span => _items.AsSpan(0, _count);
    }
}
