using System.Buffers;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Index.Snapshot;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// One import written the fast way: whether a relationship is new is decided against <see cref="Known"/> in memory,
/// new rows are appended without asking SQLite, and commits are not flushed one by one. Each batch stays one
/// transaction, whole or not at all.
/// <para>
/// Why it keeps the importer's promises: the batches are the same transactions, in WAL mode, with synchronous=NORMAL,
/// where a commit survives the process being killed and a power cut can lose only the last commits, each whole. The
/// end restores synchronous=FULL, folds the log into the file and flushes the log to disk, so that every batch is
/// durable when the import reports it done. Meanwhile the log is folded into the file as the batches commit
/// (<see cref="LogFolder"/>), so that it starts over instead of growing by every batch.
/// </para>
/// </summary>
internal sealed class BulkLoad : IDisposable
{
    /// <summary>An import is written in bulk when it brings at least as many records as the store holds rows.</summary>
    public static bool Worthwhile(long storedRows, long importRecords) => storedRows == 0 || importRecords >= storedRows;

    /// <summary>The most the log grows to while a bulk import runs, in pages of 4 KiB: 1 GiB.</summary>
    private const int MaxLogPages = 1 << 18;

    public EdgeKeys Known { get; private set; }

    /// <summary>The node numbers of the ids of IMDb's shape, kept along with the node table while the import runs.</summary>
    public IdMap Ids { get; private set; }

    /// <summary>The roles of the relationships created, while they are all the file holds; null once that is not so.</summary>
    public RoleLog? Roles { get; private set; }

    // Whether a batch changed the file since the flushes were relaxed: Finish then flushes.
    private bool _wrote;

    private readonly LogFolder _folder;

    private BulkLoad(EdgeKeys known, IdMap ids, RoleLog? roles, LogFolder folder) => (Known, Ids, Roles, _folder) = (known, ids, roles, folder);

    /// <summary>Reads the relationships the file holds and relaxes the flushes; nothing in the file changes yet.</summary>
    public static BulkLoad Start(SqliteConnection connection, NodeTable nodes, long expectedRecords, string path)
    {
        var known = ReadKeys(connection, null, expectedRecords);
        // Appends touch the last pages of each tree only: a small page cache holds them, where the usual 1 GiB would fill
        // with pages written once (memory, and the kernel's time zeroing it). The writer does not checkpoint on its own
        // (unless the log passes MaxLogPages): on its thread, copying the log into the file held the import up (at L,
        // with a checkpoint every 64 MiB of log, 0.1 to 0.2 s each). The log is folded in from another thread as the
        // batches commit (LogFolder), and what is left of it at the end (Finish) while the snapshot is built.
        StoreFile.Execute(connection, $"PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={MaxLogPages}; PRAGMA cache_size=-65536;");
        // The role log sized for the import, like the keys: the pages of its arrays are touched only as they fill, and
        // one that doubles copies everything so far into fresh pages (at L, 48 MB more at the peak when it doubled at 4M).
        return new BulkLoad(known, IdMap.Of(nodes), known.Count == 0 ? new RoleLog((int)Math.Min(expectedRecords, 1 << 23)) : null, LogFolder.Start(path));
    }

    /// <summary>
    /// Checks and writes a batch inside the connection's open transaction, the check on another core while SQLite
    /// writes: the reader leaves that core mostly idle, and the check (both ends of every relationship looked up among a
    /// million ids) costs as much as the writing. A batch the check refuses is thrown out with its problems, and the
    /// caller's transaction, never committed, takes back whatever was written of it; so does a failure the writing hits
    /// on a batch the check would refuse (an id that is nowhere).
    /// </summary>
    public AppliedBatch Write(SqliteConnection connection, NodeTable nodes, GraphBatch batch, CancellationToken ct)
    {
        Roles?.Rollback();
        // Both ends of every relationship looked up once, here, for the check and the writing alike. Each side its own
        // lookup for the rest: a lookup remembers what it found, and is not shared between threads.
        var lookup = new BatchLookup(nodes, Ids);
        var relationships = batch.Relationships;
        var count = relationships.Count;
        var ends = ArrayPool<int>.Shared.Rent(count * 2);
        // The second half on the other core: each lookup is a cache miss or two, and the writing waits for them all.
        var half = count >= 4096 ? count / 2 : count;
        var second = half < count ? Task.Run(() => FindEnds(new BatchLookup(nodes, Ids), relationships, ends, half, count), CancellationToken.None) : null;
        FindEnds(lookup, relationships, ends, 0, half);
        second?.GetAwaiter().GetResult();
        // The check numbers the roles too, for the log, so that the writer looks up no role.
        var (log, numbers) = (Roles, Roles is null ? null : ArrayPool<int>.Shared.Rent(count));
        _created.Clear();
        var checking = Task.Run(() =>
        {
            if (numbers is not null)
                for (var i = 0; i < count; i++) numbers[i] = log!.Number(relationships[i].Properties.Role);
            return BatchValidator.Validate(batch, new BatchLookup(nodes, Ids).KindOf, i => (KindOf(nodes, ends[2 * i]), KindOf(nodes, ends[2 * i + 1])),
                i => ends[2 * i] >= 0 && ends[2 * i + 1] >= 0 ? EdgeKeys.Of(ends[2 * i], (int)relationships[i].Type, ends[2 * i + 1]) : -1);
        }, CancellationToken.None);
        AppliedBatch applied;
        try
        {
            applied = BatchWriter.Apply(connection, nodes, lookup, batch, this, ct, ends);
        }
        catch (Exception e) when (e is not OperationCanceledException && checking.GetAwaiter().GetResult() is { Count: > 0 } refused)
        {
            throw new GraphWriteException(refused);
        }
        finally
        {
            // The check reads the ends until it is done, whichever way the writing ended.
            _ = checking.ContinueWith(_ =>
            {
                ArrayPool<int>.Shared.Return(ends);
                if (numbers is not null) ArrayPool<int>.Shared.Return(numbers);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        var problems = checking.GetAwaiter().GetResult();
        if (problems.Count > 0) throw new GraphWriteException(problems);
        if (numbers is not null)
            foreach (var (key, relationship) in _created) log!.Add(key, numbers[relationship]);
        return applied;
    }

    // The relationships the writing created, by key and place in the batch, for the role log.
    private readonly List<(long Key, int Relationship)> _created = [];

    /// <summary>The writing created relationship <paramref name="relationship"/> of the batch, as <paramref name="key"/>.</summary>
    public void Created(long key, int relationship)
    {
        if (Roles is not null) _created.Add((key, relationship));
    }

    // Each lookup in the map is a wait for memory at a million people: the keys of this many relationships are made
    // and their slots asked for before any is read, so that the waits overlap instead of following one another.
    private const int LookAhead = 16;

    private static void FindEnds(BatchLookup lookup, IReadOnlyList<Relationship> relationships, int[] ends, int from, int to)
    {
        Span<long> keys = stackalloc long[2 * LookAhead];
        for (var start = from; start < to; start += LookAhead)
        {
            var end = Math.Min(start + LookAhead, to);
            for (var i = start; i < end; i++)
            {
                var at = 2 * (i - start);
                (keys[at], keys[at + 1]) = (Ahead(lookup, relationships[i].From), Ahead(lookup, relationships[i].To));
            }
            for (var i = start; i < end; i++)
            {
                var at = 2 * (i - start);
                (ends[2 * i], ends[2 * i + 1]) = (Find(lookup, relationships[i].From, keys[at]), Find(lookup, relationships[i].To, keys[at + 1]));
            }
        }
    }

    private static long Ahead(BatchLookup lookup, string? id) => string.IsNullOrEmpty(id) ? 0 : lookup.Ahead(id);

    private static NodeKind? KindOf(NodeTable nodes, int node) => node >= 0 ? nodes.Kind(node) : null;

    // A missing id is the check's to report; here it is only not stored.
    private static int Find(BatchLookup lookup, string? id, long key) => string.IsNullOrEmpty(id) ? -1 : lookup.IndexOf(id, key);

    /// <summary>Another process committed to the file: what it holds is read again.</summary>
    public void Reread(SqliteConnection connection, SqliteTransaction? tx, NodeTable nodes) =>
        (Known, Ids, Roles) = (ReadKeys(connection, tx, Known.Count), IdMap.Of(nodes), null);

    /// <summary>Notes what a committed batch wrote: the relationships and nodes it created are stored from now on.</summary>
    public void Committed(AppliedBatch applied)
    {
        _wrote |= applied.Appended.Count + applied.Changed.Count + applied.CreatedEdges.Count + applied.Summary.Relationships.Updated > 0;
        // An updated relationship's role is the file's to tell.
        if (applied.Summary.Relationships.Updated > 0) Roles = null;
        Roles?.Commit();
        if (_wrote) _folder.Committed();
        foreach (var (source, type, target) in applied.CreatedEdges) Known.Add(EdgeKeys.Of(source, (int)type, target));
        foreach (var row in applied.Appended)
            if (IdMap.TryKey(row.Id, out var key)) Ids.Add(key, row.Node);
    }

    /// <summary>
    /// Puts the flushes back and makes every batch durable: a checkpoint copies the log into the file and flushes both,
    /// and the log is flushed again in case a reader kept the checkpoint from copying it all (then it flushes nothing).
    /// </summary>
    public void Finish(SqliteConnection connection, string path)
    {
        _folder.Dispose();
        // The log, grown up to MaxLogPages, is cut back to 64 MiB when it next starts over, not kept at its largest.
        StoreFile.Execute(connection,
            $"PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=1000; PRAGMA cache_size={StoreFile.CacheSize}; PRAGMA journal_size_limit={64 << 20};");
        if (!_wrote) return;
        StoreFile.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        StoreFile.FlushLog(path);
    }

    /// <summary>Stops folding the log, for an import that ends without <see cref="Finish"/>.</summary>
    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// The full index of the file as the import leaves it, from what the import holds in memory rather than read back
    /// from the file: the nodes of <paramref name="current"/>, the relationships of <see cref="Known"/>, and the roles
    /// of <see cref="Roles"/> or, when the log does not know them all, read from the file at <paramref name="path"/>
    /// on a connection of its own. The same index as
    /// <see cref="IndexLoader.Load(SqliteConnection, bool, SqliteTransaction?)"/> builds, for the snapshot, which writes
    /// the nodes while the rows and the names are built on the two cores.
    /// </summary>
    public PendingIndex Index(GraphIndex current, string path)
    {
        // Rebuilt rather than shared: the id hash of a table grown batch by batch is laid out otherwise than one of the
        // table read whole, and the snapshot should not depend on how the table came to be.
        var nodes = NodeTable.FromParts(current.Nodes.Parts() with { ById = null });
        // Built here at the end rather than while the batches are written: on two cores the batches leave no core idle,
        // and a build then only slowed the writer (at L, three imports each way in turn: 15.2 to 19.2 s built here,
        // 17.5 to 19.9 s built beside the batches). Each on a thread of its own, started at once: queued to the pool,
        // whose two threads were the snapshot's writer and the names, the rows waited for the writer to finish the nodes
        // and were then built on its thread, one after the other instead of beside it.
        var names = OwnThread(() => NameIndex.Build(nodes));
        var rows = OwnThread(() =>
        {
            var (sources, types, targets) = Known.Columns();
            var adjacency = Adjacency.Build(nodes.Count, sources, types, targets);
            EdgeRoles? roles;
            if (Roles is { } log) roles = log.Replay().Build(adjacency, nodes.Count);
            else
            {
                using var reader = StoreFile.OpenReader(path);
                using var tx = reader.BeginTransaction(deferred: true);
                roles = StoreFile.Generation(reader, tx) == current.Generation ? RoleRows.Read(reader.Handle!).Build(adjacency, nodes.Count) : null;
            }
            return new PendingIndex.Rows(adjacency, IdOrder.Build(nodes), roles);
        });
        return new PendingIndex(nodes, current.Generation, rows, names);
    }

    private static Task<T> OwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static EdgeKeys ReadKeys(SqliteConnection connection, SqliteTransaction? tx, long expected)
    {
        // Sized for the import up to 8 million relationships (64 MiB); a larger one grows the set as it goes.
        var keys = new EdgeKeys((int)Math.Min(expected, 1 << 23));
        // Read in the table's order, which is theirs; sorted all the same, so that they all go to the rising array.
        var read = new List<long>();
        var handle = connection.Handle!;
        if (raw.sqlite3_prepare_v2(handle, "SELECT (dst << 35) | (type << 31) | src FROM edges", out var statement) != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_errcode(handle));
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) read.Add(raw.sqlite3_column_int64(statement, 0));
            if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
        read.Sort();
        foreach (var key in read) keys.Add(key);
        return keys;
    }
}
