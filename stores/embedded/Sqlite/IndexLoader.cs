using System.Text.Json;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Index.Snapshot;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// How long each part of building the index from the file took, for the cold-start benchmark; or, when it was read
/// from the snapshot, how long that took (<see cref="Snapshot"/>, the other parts zero).
/// </summary>
public sealed record IndexLoadTimings(TimeSpan Nodes, TimeSpan Edges, TimeSpan Adjacency, TimeSpan Names, TimeSpan Snapshot = default);

/// <summary>Reads the file into a fresh <see cref="GraphIndex"/>: the node table always, adjacency and names when asked.</summary>
internal static class IndexLoader
{
    /// <summary>
    /// The index from the snapshot beside <paramref name="path"/> when it holds the file as <paramref name="tx"/> sees
    /// it, else built from the file; <paramref name="source"/> says which, and why the snapshot was not used.
    /// </summary>
    public static GraphIndex Open(SqliteConnection connection, bool buildIndex, bool useSnapshot, SqliteTransaction? tx, string path,
        out IndexLoadTimings timings, out string source)
    {
        if (tx is null)
        {
            using var snapshot = connection.BeginTransaction(deferred: true);
            return Open(connection, buildIndex, useSnapshot, snapshot, path, out timings, out source);
        }
        if (!buildIndex || !useSnapshot)
        {
            source = buildIndex ? "built from the file (snapshots turned off)" : "node table read from the file (write-only)";
            return Load(connection, buildIndex, tx, path, out timings);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var file = IndexSnapshot.PathFor(path);
        var index = IndexSnapshot.TryRead(file, StoreFile.Stamp(connection, tx), StoreFile.DataVersion(connection, tx), out var why);
        if (index is not null)
        {
            timings = new IndexLoadTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, clock.Elapsed);
            source = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"read from the snapshot {file} (write generation {index.Generation}) in {clock.Elapsed.TotalSeconds:F2} s");
            return index;
        }
        index = Load(connection, buildIndex, tx, path, out timings);
        source = $"built from the file, because {why}";
        return index;
    }

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
                return (Edges: ReadEdges(reader, readTx), Generation: StoreFile.Generation(reader, readTx));
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
        var generation = StoreFile.Generation(connection, tx);
        var nodes = ReadNodes(connection, tx);
        var nodesTime = clock.Elapsed;
        if (!buildIndex)
        {
            timings = new IndexLoadTimings(nodesTime, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            return new GraphIndex(nodes, Adjacency.Empty, null, dataVersion, generation);
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
        var handle = connection.Handle!;
        var (edges, edgesGeneration) = parallelEdges is not null ? parallelEdges.GetAwaiter().GetResult() : (ReadEdges(connection, tx), generation);
        // The second connection saw another commit than this transaction: edges of a write the nodes lack, or the nodes
        // of a write it lacks. Read them again here, so that the index is the file at one generation.
        if (edges.MaxNode >= nodes.Count || edgesGeneration != generation) edges = ReadEdges(connection, tx);
        var edgesTime = clock.Elapsed - nodesTime;
        var (sources, types, targets) = (edges.Sources, edges.Types, edges.Targets);
        var adjacency = Adjacency.Build(nodes.Count, sources.Span, types.Span, targets.Span);
        var adjacencyTime = clock.Elapsed - nodesTime - edgesTime;
        var roles = (parallelRoles?.GetAwaiter().GetResult() ?? RoleRows.Read(handle)).Build(adjacency, nodes.Count)
            ?? (parallelRoles is null ? null : RoleRows.Read(handle).Build(adjacency, nodes.Count));
        var (nameIndex, namesTime) = names.GetAwaiter().GetResult();
        timings = new IndexLoadTimings(nodesTime, edgesTime, adjacencyTime, namesTime);
        return new GraphIndex(nodes, adjacency, nameIndex, dataVersion, generation, order.GetAwaiter().GetResult(), roles);
    }

    private static NodeTable ReadNodes(SqliteConnection connection, SqliteTransaction tx)
    {
        var expected = Convert.ToInt32(StoreFile.Scalar(connection, "SELECT coalesce(max(seq), 0) FROM nodes", tx), System.Globalization.CultureInfo.InvariantCulture);
        var capacity = Math.Max(1024, expected + expected / 8);
        var ids = new TextColumn.Builder(capacity, 10);
        var labels = new TextColumn.Builder(capacity, 16);
        var kinds = new byte[capacity];
        var years = new int[capacity];
        var aliases = new Dictionary<int, string[]>();
        // Millions of rows: step the statement directly rather than through the data reader's per-row machinery, and
        // copy the texts' UTF-8 bytes as they are rather than make strings of them.
        Step(connection.Handle!, "SELECT seq, id, kind, label, year, aliases FROM nodes ORDER BY seq", statement =>
        {
            var node = ids.Count;
            var seq = raw.sqlite3_column_int64(statement, 0);
            if (seq != node + 1)
                throw new InvalidDataException($"The store's node numbering has a gap at seq {node + 1} (found {seq}); the file was changed by something other than FilmGraph.");
            if (node == kinds.Length)
            {
                Array.Resize(ref kinds, kinds.Length * 2);
                Array.Resize(ref years, years.Length * 2);
            }
            ids.Add(raw.sqlite3_column_blob(statement, 1));
            kinds[node] = (byte)raw.sqlite3_column_int(statement, 2);
            labels.Add(raw.sqlite3_column_blob(statement, 3));
            years[node] = raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? NodeTable.NoYear : raw.sqlite3_column_int(statement, 4);
            if (raw.sqlite3_column_type(statement, 5) != raw.SQLITE_NULL
                && JsonSerializer.Deserialize<string[]>(raw.sqlite3_column_text(statement, 5).utf8_to_string()) is { Length: > 0 } a)
                aliases[node] = a;
        });
        return NodeTable.FromParts(new NodeTableParts(ids.Count, ids.Build(), labels.Build(), kinds, years, null, aliases));
    }

    private sealed record EdgeArrays(GrowableArray<int> Sources, GrowableArray<byte> Types, GrowableArray<int> Targets, int MaxNode);

    /// <summary>
    /// Every edge of the table, as three integers. One packed integer a row halves the calls into SQLite.
    /// </summary>
    private static EdgeArrays ReadEdges(SqliteConnection connection, SqliteTransaction? tx)
    {
        var handle = connection.Handle!;
        var sources = new GrowableArray<int>();
        var types = new GrowableArray<byte>();
        var targets = new GrowableArray<int>();
        var max = -1;
        Step(handle, "SELECT (src << 35) | (type << 31) | dst FROM edges", statement =>
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
