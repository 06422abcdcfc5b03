using FilmGraph.Store.Embedded.Index.Snapshot;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The SQLite file: schema, connection settings and the statements that read it. Nodes are numbered by
/// <c>seq</c> (dense, from 1) so that edges store two integers rather than two id strings. Edges, with their
/// properties, are kept in film order (target first): credits arrive film by film (IMDb's principals are sorted
/// by title), so the wide rows are appended rather than inserted all over the table. There is no second index, by
/// person: the in-memory adjacency lists a person's relationships, and each is read by its key (<see cref="EdgeRows"/>).
/// Files made before kept one; the schema drops it, since a writer would otherwise keep it up for nothing.
/// </summary>
internal static class StoreFile
{
    public const int SchemaVersion = 2;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS nodes (
            seq     INTEGER PRIMARY KEY,
            id      TEXT NOT NULL UNIQUE,
            kind    INTEGER NOT NULL,
            label   TEXT NOT NULL,
            year    INTEGER,
            aliases TEXT
        );
        CREATE TABLE IF NOT EXISTS edges (
            src INTEGER NOT NULL,
            type INTEGER NOT NULL,
            dst INTEGER NOT NULL,
            role TEXT, billing INTEGER, reason TEXT, context TEXT, description TEXT,
            source_document TEXT, source_quote TEXT,
            PRIMARY KEY (dst, type, src)
        ) WITHOUT ROWID;
        DROP INDEX IF EXISTS edges_by_src;
        """;

    /// <summary>
    /// Flushes the write-ahead log of the file at <paramref name="path"/> to disk, with whatever SQLite wrote to it
    /// through its own handle: the system keeps one cache per file, so a flush through any handle covers it.
    /// </summary>
    public static void FlushLog(string path)
    {
        var log = path + "-wal";
        if (!File.Exists(log)) return;
        using var file = new FileStream(log, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.Flush(flushToDisk: true);
    }

    /// <summary>The writer's page cache, in SQLite's units (negative: KiB).</summary>
    public const int CacheSize = -1048576;

    public static string ConnectionString(string path, bool readOnly, bool pooled = true) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = pooled,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Opens the writer's connection, creating the schema when the file is new.</summary>
    public static SqliteConnection OpenWriter(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        // A folder that is not there is most often a mistyped path: making it would hide the mistake.
        if (directory is not null && !Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The folder {directory} does not exist; create it first, or choose another path.");
        var connection = new SqliteConnection(ConnectionString(path, readOnly: false));
        connection.Open();
        // WAL: readers never wait for the writer. FULL: a write is on disk when it returns, power loss included.
        // A 1 GiB page cache (filled only as pages are used) keeps the edge indexes' hot pages in memory during large imports.
        Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA cache_size={CacheSize};");
        using var tx = connection.BeginTransaction();
        Execute(connection, Schema, tx);
        var version = Scalar(connection, "SELECT value FROM meta WHERE key = 'schema'", tx);
        if (version is null)
            Execute(connection, $"INSERT INTO meta (key, value) VALUES ('schema', '{SchemaVersion}')", tx);
        else if (Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) != SchemaVersion)
            throw new InvalidDataException($"{path} has store schema {version}; this version of FilmGraph reads schema {SchemaVersion}.");
        // A name of this store alone, so that a new file at the same path (a fresh import) is told from this one.
        Execute(connection, $"INSERT OR IGNORE INTO meta (key, value) VALUES ('identity', '{Guid.NewGuid():N}')", tx);
        tx.Commit();
        return connection;
    }

    /// <summary>The store's own name, written once when the file is made.</summary>
    public static string Identity(SqliteConnection connection) =>
        (string)Scalar(connection, "SELECT value FROM meta WHERE key = 'identity'")!;

    /// <summary>
    /// What is at <paramref name="path"/> now, read through a connection of its own (never a pooled one, which could
    /// still hold a file since deleted): the identity of the store there, or why there is none that can be read.
    /// </summary>
    public static (string? Identity, string? Fault) Examine(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(path)) return (null, $"The store file {full} was deleted.");
        try
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5,
            }.ToString());
            using (connection)
            {
                connection.Open();
                var identity = Scalar(connection, "SELECT value FROM meta WHERE key = 'identity'") as string;
                if (identity is null) return (null, $"The file at {full} is not a FilmGraph store.");
                return (identity, null);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return (null, $"The store file {full} cannot be read: {e.Message}");
        }
    }

    public static SqliteConnection OpenReader(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path, readOnly: true));
        connection.Open();
        return connection;
    }

    /// <summary>A counter SQLite changes whenever another connection commits to the file.</summary>
    public static long DataVersion(SqliteConnection connection, SqliteTransaction? tx = null) =>
        (long)Scalar(connection, "PRAGMA data_version", tx)!;

    /// <summary>
    /// The store's write generation: raised by <see cref="NextGeneration"/> inside every write transaction FilmGraph
    /// commits, so that an index snapshot can tell whether the file was written after it. 0 until the first write.
    /// </summary>
    public static long Generation(SqliteConnection connection, SqliteTransaction? tx = null) =>
        Scalar(connection, "SELECT value FROM meta WHERE key = 'generation'", tx) is string value
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// Raises the write generation inside <paramref name="tx"/> and returns the new one. Every path that commits rows
    /// (the store's writes, a bulk import) calls this in the same transaction, or a snapshot could outlive the change.
    /// </summary>
    public static long NextGeneration(SqliteConnection connection, SqliteTransaction tx) =>
        long.Parse((string)Scalar(connection,
            "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value", tx)!,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What an index snapshot must match to stand for the file as <paramref name="tx"/> sees it.</summary>
    public static SnapshotStamp Stamp(SqliteConnection connection, SqliteTransaction? tx = null) =>
        new((string)Scalar(connection, "SELECT value FROM meta WHERE key = 'identity'", tx)!, Generation(connection, tx),
            Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(seq), 0) FROM nodes", tx), System.Globalization.CultureInfo.InvariantCulture));

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
