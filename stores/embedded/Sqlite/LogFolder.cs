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
/// writer waits for one only once the log has grown past <see cref="RestartPages"/> (<see cref="Committed"/>). It
/// flushes the log before copying and the file after, as every checkpoint of a connection with synchronous=FULL does,
/// so what the log held is on disk before its pages are written over. Folding is only an economy: a checkpoint that
/// cannot run (another is running, a reader holds the log) is left for the next commit or for
/// <see cref="BulkLoad.Finish"/>, which folds whatever is left and reports what goes wrong there.
/// </para>
/// </summary>
internal sealed class LogFolder : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Thread _thread;
    private readonly AutoResetEvent _committed = new(false);
    private readonly Lock _gate = new();
    private volatile bool _stopping;

    /// <summary>
    /// How far the log may grow, in pages of 4 KiB (16 MiB), before a commit folds the last batch on the writer's thread.
    /// Only a transaction that begins with the log folded to its end starts it over, and the folds from this thread end
    /// after the next batch has begun: without this the log grows by every batch (at L to 290 MB of fresh cache, against
    /// about 20 MB with it).
    /// </summary>
    private const int RestartPages = 4096;

    // How many pages the log held at the last fold: written by either thread under the gate, read by the writer.
    private volatile int _logPages;

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
        var connection = new SqliteConnection(StoreFile.ConnectionString(path, readOnly: false, pooled: false));
        connection.Open();
        // A connection opens the log on its first read, and until then a checkpoint finds no log to fold.
        StoreFile.Scalar(connection, "SELECT count(*) FROM meta");
        return new LogFolder(connection);
    }

    /// <summary>
    /// A batch was committed. Once the log has passed <see cref="RestartPages"/>, it is folded to its end here, on the
    /// writer's thread, after the fold under way: with the earlier batches folded already, that copies the last, and the
    /// writer's next transaction starts the log over. Otherwise it is folded when this thread is free, at most one fold
    /// waiting.
    /// </summary>
    public void Committed()
    {
        if (_logPages >= RestartPages) Fold();
        else _committed.Set();
    }

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
            if (rc == raw.SQLITE_OK) _logPages = pages;
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
