namespace FilmGraph.Bolt;

/// <summary>
/// Bookmarks shared by sessions (<see cref="BoltSessionOptions.BookmarkManager"/>): a session waits for every
/// bookmark here, and on commit replaces the ones it waited for with its own, so that sessions that share a
/// manager read each other's writes. Thread-safe.
/// </summary>
public sealed class BoltBookmarkManager
{
    private readonly object _gate = new();
    private readonly HashSet<string> _bookmarks;

    public BoltBookmarkManager(IEnumerable<string>? initial = null) => _bookmarks = new HashSet<string>(initial ?? [], StringComparer.Ordinal);

    /// <summary>A snapshot of the bookmarks now held.</summary>
    public IReadOnlyList<string> Bookmarks
    {
        get
        {
            lock (_gate)
            {
                return [.. _bookmarks];
            }
        }
    }

    /// <summary>Work that waited for <paramref name="previous"/> committed <paramref name="next"/>: the later bookmark stands for both.</summary>
    public void Update(IEnumerable<string> previous, IEnumerable<string> next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            var added = next.ToList();
            if (added.Count == 0)
            {
                return;
            }
            _bookmarks.ExceptWith(previous);
            _bookmarks.UnionWith(added);
        }
    }
}
