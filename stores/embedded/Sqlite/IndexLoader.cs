using System.Text.Json;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>How long each part of building the index from the file took, for the cold-start benchmark.</summary>
public sealed record IndexLoadTimings(TimeSpan Nodes, TimeSpan Edges, TimeSpan Adjacency, TimeSpan Names);

/// <summary>Reads the file into a fresh <see cref="GraphIndex"/>: the node table always, adjacency and names when asked.</summary>
internal static class IndexLoader
{
    public static GraphIndex Load(SqliteConnection connection, bool buildIndex, SqliteTransaction? tx = null) =>
        Load(connection, buildIndex, tx, null, out _);

    /// <param name="path">
    /// When given, the edges are read on a second connection to this file while the nodes are read on the first, one
    /// core each. The two reads may see different commits; edges that name a node the node read did not see are
    /// caught and read again inside <paramref name="tx"/>.
    /// </param>
    public static GraphIndex Load(SqliteConnection connection, bool buildIndex, SqliteTransaction? tx, string? path, out IndexLoadTimings timings)
    {
        if (tx is null)
        {
            // Nodes and edges must come from one snapshot, or an edge committed in between could name an unread node.
            using var snapshot = connection.BeginTransaction(deferred: true);
            return Load(connection, buildIndex, snapshot, path, out timings);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parallelEdges = buildIndex && path is not null
            ? Task.Run(() =>
            {
                using var reader = StoreFile.OpenReader(path);
                using var readTx = reader.BeginTransaction(deferred: true);
                return ReadEdges(reader.Handle!);
            })
            : null;
        // Roles for the chains, read alongside; checked against the rows once built, and read again here if a commit came between.
        var parallelRoles = buildIndex && path is not null
            ? Task.Run(() =>
            {
                using var reader = StoreFile.OpenReader(path);
                using var readTx = reader.BeginTransaction(deferred: true);
                return RoleRows.Read(reader.Handle!);
            })
            : null;
        var dataVersion = StoreFile.DataVersion(connection, tx);
        var rows = new List<NodeRow>();
        // Millions of rows: step the statements directly rather than through the data reader's per-row machinery.
        var handle = connection.Handle!;
        Step(handle, "SELECT seq, id, kind, label, year, aliases FROM nodes ORDER BY seq", statement =>
        {
            var seq = raw.sqlite3_column_int64(statement, 0);
            if (seq != rows.Count + 1)
                throw new InvalidDataException($"The store's node numbering has a gap at seq {rows.Count + 1} (found {seq}); the file was changed by something other than FilmGraph.");
            rows.Add(new NodeRow(rows.Count, raw.sqlite3_column_text(statement, 1).utf8_to_string(),
                (NodeKind)raw.sqlite3_column_int(statement, 2), raw.sqlite3_column_text(statement, 3).utf8_to_string(),
                raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, 4),
                raw.sqlite3_column_type(statement, 5) == raw.SQLITE_NULL ? null
                    : JsonSerializer.Deserialize<string[]>(raw.sqlite3_column_text(statement, 5).utf8_to_string())));
        });
        var nodes = NodeTable.Empty(Math.Max(1024, rows.Count + rows.Count / 4)).With(rows, []);
        var nodesTime = clock.Elapsed;
        if (!buildIndex)
        {
            timings = new IndexLoadTimings(nodesTime, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            return new GraphIndex(nodes, Adjacency.Empty, null, dataVersion);
        }

        // The name index needs only the nodes: build it on another core while the edges are read.
        var names = Task.Run(() =>
        {
            var started = clock.Elapsed;
            var index = NameIndex.Build(nodes);
            return (index, clock.Elapsed - started);
        });
        var order = Task.Run(() => IdOrder.Build(nodes));

        // Sources get 28 bits in the packed rows read below, which bounds a store at 268 million nodes.
        if (nodes.Count >= 1 << 28) throw new InvalidDataException($"The store holds {nodes.Count:N0} nodes; the most it can index is {1 << 28:N0}.");
        var edges = parallelEdges is not null ? parallelEdges.GetAwaiter().GetResult() : ReadEdges(handle);
        if (edges.MaxNode >= nodes.Count) edges = ReadEdges(handle);
        var edgesTime = clock.Elapsed - nodesTime;
        var (sources, types, targets) = (edges.Sources, edges.Types, edges.Targets);
        var adjacency = Adjacency.Build(nodes.Count, sources.Span, types.Span, targets.Span);
        var adjacencyTime = clock.Elapsed - nodesTime - edgesTime;
        var roles = (parallelRoles?.GetAwaiter().GetResult() ?? RoleRows.Read(handle)).Build(adjacency, nodes.Count)
            ?? (parallelRoles is null ? null : RoleRows.Read(handle).Build(adjacency, nodes.Count));
        var (nameIndex, namesTime) = names.GetAwaiter().GetResult();
        timings = new IndexLoadTimings(nodesTime, edgesTime, adjacencyTime, namesTime);
        return new GraphIndex(nodes, adjacency, nameIndex, dataVersion, order.GetAwaiter().GetResult(), roles);
    }

    private sealed record EdgeArrays(GrowableArray<int> Sources, GrowableArray<byte> Types, GrowableArray<int> Targets, int MaxNode);

    /// <summary>
    /// Every edge from the index by source, which holds exactly these three integers: scanning it reads a fraction of
    /// the pages the table, with its properties, spans. One packed integer a row halves the calls into SQLite.
    /// </summary>
    private static EdgeArrays ReadEdges(sqlite3 handle)
    {
        var sources = new GrowableArray<int>();
        var types = new GrowableArray<byte>();
        var targets = new GrowableArray<int>();
        var max = -1;
        Step(handle, "SELECT (src << 35) | (type << 31) | dst FROM edges INDEXED BY edges_by_src", statement =>
        {
            var packed = raw.sqlite3_column_int64(statement, 0);
            int source = (int)(packed >> 35) - 1, target = (int)(packed & 0x7FFF_FFFF) - 1;
            sources.Add(source);
            types.Add((byte)((packed >> 31) & 0xF));
            targets.Add(target);
            max = Math.Max(max, Math.Max(source, target));
        });
        return new EdgeArrays(sources, types, targets, max);
    }

    internal static void Step(sqlite3 handle, string sql, Action<sqlite3_stmt> row)
    {
        if (raw.sqlite3_prepare_v2(handle, sql, out var statement) != raw.SQLITE_OK)
            throw new InvalidDataException($"Cannot read the store: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) row(statement);
            if (rc != raw.SQLITE_DONE)
                throw new InvalidDataException($"Reading the store failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
        }
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
