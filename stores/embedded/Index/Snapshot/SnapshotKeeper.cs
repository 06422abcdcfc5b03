using System.Diagnostics;
using System.Globalization;

namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// Keeps the snapshot beside the store file current: once the store has had no change for the delay, it saves the
/// index of the moment in the background; <see cref="Save"/> does it at once (an import completing, the store
/// closing). One save runs at a time, and a save is skipped when the snapshot on disk holds a later generation of the
/// same store, so a slow save of an old version never replaces a newer snapshot. One of the same generation is
/// written over: the store saves only what it did not read, and a snapshot it could not read may be damaged.
/// </summary>
internal sealed class SnapshotKeeper : IDisposable
{
    private readonly string _path;
    private readonly TimeSpan _delay;
    private readonly Func<(GraphIndex Index, string Identity)?> _current;
    private readonly Timer _timer;
    private readonly Lock _saving = new();
    private (string Identity, long Generation)? _onDisk;
    private bool _disposed;

    /// <param name="current">The index and store identity to save now, taken together; null when there is nothing to save (closed, faulted, write-only).</param>
    public SnapshotKeeper(string storePath, TimeSpan delay, Func<(GraphIndex Index, string Identity)?> current)
    {
        (_path, _delay, _current) = (IndexSnapshot.PathFor(storePath), delay, current);
        _timer = new Timer(_ => SaveCurrent(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Path => _path;

    /// <summary>What the last save did, or why it failed; for the log and the benchmarks.</summary>
    public string? LastNote { get; private set; }

    /// <summary>The snapshot on disk holds this generation of this store (it was just read).</summary>
    public void Loaded(string identity, long generation) => _onDisk = (identity, generation);

    public bool IsCurrent(GraphIndex index, string identity) => _onDisk == (identity, index.Generation);

    /// <summary>A new version was published: save it once the store has been quiet for the delay, unless the snapshot already holds it.</summary>
    public void Changed(GraphIndex index, string identity)
    {
        if (_disposed || index.Names is null || IsCurrent(index, identity)) return;
        try { _timer.Change(_delay, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { /* closing: the close saves */ }
    }

    private void SaveCurrent()
    {
        if (_disposed) return;
        try
        {
            if (_current() is { } now) Save(now.Index, now.Identity);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ObjectDisposedException)
        {
            LastNote = $"The snapshot {_path} was not saved: {e.Message}";
        }
    }

    /// <summary>Saves <paramref name="index"/> unless the snapshot on disk holds a later write; true when it wrote.</summary>
    public bool Save(GraphIndex index, string identity) => Save(PendingIndex.Of(index), identity);

    /// <summary>Saves an index whose later parts may still be building (<see cref="IndexSnapshot.Write(string, PendingIndex, string)"/>).</summary>
    public bool Save(PendingIndex index, string identity)
    {
        lock (_saving)
        {
            var disk = IndexSnapshot.StampOf(_path);
            if (disk is not null && disk.Identity == identity && disk.Generation > index.Generation)
            {
                _onDisk = (identity, disk.Generation);
                return false;
            }
            var clock = Stopwatch.StartNew();
            try
            {
                IndexSnapshot.Write(_path, index, identity);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LastNote = $"The snapshot {_path} was not saved: {e.Message}";
                return false;
            }
            _onDisk = (identity, index.Generation);
            LastNote = string.Create(CultureInfo.InvariantCulture,
                $"Saved the snapshot {_path} (write generation {index.Generation}, {index.Nodes.Count:N0} nodes) in {clock.Elapsed.TotalSeconds:F2} s.");
            return true;
        }
    }

    /// <summary>Stops the timer and waits for a save under way.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        lock (_saving) { }
    }
}
