using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// Folds the write-ahead log into the file from a connection and a thread of its own while a bulk import commits its
/// batches. A write transaction that begins with the log folded to its end writes it over from its first page, so the
/// log's pages in the system's cache are used again instead of fresh ones taken for every batch (at L the log otherwise
/// grows to 290 MB, and the first touch of each page costs the kernel time), and the end of the import folds only its
/// last batches instead of copying the whole log while the import waits.
/// <para>
/// A checkpoint in PASSIVE mode takes no lock the writer needs and copies only what every reader has seen, so the
/// writer waits for one only when it asks (<see cref="FoldNow"/>). It flushes the log before copying and the file
/// after, as every checkpoint of a connection with synchronous=FULL does, so what the log held is on disk before its
/// pages are written over. Folding is only an economy: a checkpoint that cannot run (another is running, a reader holds
/// the log) is left for the next commit or for <see cref="BulkLoad.Finish"/>, which folds whatever is left and reports
/// what goes wrong there.
/// </para>
/// </summary>
internal sealed class LogFolder : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Thread _thread;
    private readonly AutoResetEvent _committed = new(false);
    private readonly Lock _gate = new();
    private volatile bool _stopping;

    /// <summary>How many pages the log held at the last fold.</summary>
    public int LogPages { get; private set; }

    private LogFolder(SqliteConnection connection)
    {
        _connection = connection;
        _thread = new Thread(Run) { IsBackground = true, Name = "FilmGraph log folder" };
        _thread.Start();
    }

    /// <summary>Opens a connection of its own to the file at <paramref name="path"/> and starts waiting for commits.</summary>
    public static LogFolder Start(string path)
    {
        // Not pooled: the connection ends with the import, and a pooled one could outlive the file at the path.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        connection.Open();
        // A connection opens the log on its first read, and until then a checkpoint finds no log to fold.
        StoreFile.Scalar(connection, "SELECT count(*) FROM meta");
        return new LogFolder(connection);
    }

    /// <summary>A batch was committed: the log is folded when the thread is free, at most one fold waiting.</summary>
    public void Committed() => _committed.Set();

    /// <summary>
    /// Folds the log to its end on the caller's thread, after the fold under way: with the earlier batches folded
    /// already, that copies the last. The writer's next transaction then starts the log over.
    /// </summary>
    public void FoldNow() => Fold();

    private void Run()
    {
        while (true)
        {
            _committed.WaitOne();
            if (_stopping) return;
            Fold();
        }
    }

    private void Fold()
    {
        lock (_gate)
        {
            // Busy or failed, the log is only folded later: nothing the import promises depends on this fold.
            var rc = raw.sqlite3_wal_checkpoint_v2(_connection.Handle!, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var pages, out _);
            if (rc == raw.SQLITE_OK) LogPages = pages;
        }
    }

    /// <summary>Waits for a fold under way to end and closes the connection.</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        _committed.Set();
        _thread.Join();
        _connection.Dispose();
        _committed.Dispose();
    }
}
