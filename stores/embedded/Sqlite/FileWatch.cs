namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// Calls back as soon as the folder reports that the store file was deleted, renamed, created or written, so that a
/// file swapped under the store is noticed at once rather than at the next poll. The poll stays as the safety net:
/// a folder watch can overflow or be unsupported (network file systems), and then reports nothing.
/// </summary>
internal sealed class FileWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    private FileWatch(FileSystemWatcher watcher) => _watcher = watcher;

    public static FileWatch? Start(string path, Action changed)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) return null;
        try
        {
            var watcher = new FileSystemWatcher(folder, Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Attributes | NotifyFilters.Security,
            };
            void Raise(object? sender, EventArgs e) => ThreadPool.QueueUserWorkItem(_ => changed());
            watcher.Deleted += Raise;
            watcher.Created += Raise;
            watcher.Renamed += Raise;
            watcher.Changed += Raise;
            watcher.EnableRaisingEvents = true;
            return new FileWatch(watcher);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public void Dispose() => _watcher.Dispose();
}
