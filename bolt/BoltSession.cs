using System.Diagnostics;
using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt;

/// <summary>
/// A sequence of work against one database, causally chained by bookmarks: each transaction sees
/// the writes of the ones before it, even on another cluster member. Not thread-safe; one session
/// per logical flow of work.
/// </summary>
public sealed class BoltSession : IAsyncDisposable
{
    private readonly IConnectionProvider _provider;
    private readonly BoltDriverOptions _options;
    private readonly BoltSessionOptions _session;
    private readonly BoltAccessMode _defaultMode;
    private readonly int _fetchSize;
    private List<string> _bookmarks;
    private BoltResult? _openResult;
    private BoltTransaction? _openTransaction;
    private bool _disposed;

    internal BoltSession(IConnectionProvider provider, BoltDriverOptions options, BoltSessionOptions session)
    {
        _provider = provider;
        _options = options;
        _session = session;
        Database = session.Database ?? options.Database;
        _defaultMode = session.DefaultAccessMode;
        _fetchSize = session.FetchSize ?? options.FetchSize;
        _bookmarks = session.Bookmarks?.ToList() ?? [];
    }

    /// <summary>The user this session runs as, when not the driver's own.</summary>
    public string? ImpersonatedUser => _session.ImpersonatedUser;

    /// <summary>
    /// The database the session works on. Null until, through routing, the router names the user's home database;
    /// from then on every RUN and BEGIN of the session names it, so a change of home database cannot split the work.
    /// </summary>
    public string? Database { get; private set; }

    /// <summary>Bookmarks of the last committed work; hand them to another session to read its writes.</summary>
    public IReadOnlyList<string> LastBookmarks => _bookmarks;

    /// <summary>An auto-commit query. Records stream as the result is iterated; the bookmark is taken when it completes.</summary>
    public Task<BoltResult> RunAsync(string query, CancellationToken ct = default) =>
        RunAsync(query, null, null, ct);

    public Task<BoltResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters, CancellationToken ct = default) =>
        RunAsync(query, parameters, null, ct);

    /// <summary>An auto-commit query with a timeout and metadata for its implicit transaction.</summary>
    public async Task<BoltResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters, BoltTransactionConfig? config, CancellationToken ct = default)
    {
        await PrepareAsync(ct).ConfigureAwait(false);
        var bookmarks = CurrentBookmarks();
        var lease = await AcquireAsync(_defaultMode, bookmarks, ct).ConfigureAwait(false);
        var result = new BoltResult(lease, query, parameters, _fetchSize, new InFlightResults(), async (finished, error) =>
        {
            if (error is null)
            {
                OnCommitted(bookmarks, finished.Summary?.Bookmark);
            }
            await lease.ReleaseAsync().ConfigureAwait(false);
        });
        _openResult = result;
        try
        {
            var extra = Extra(lease, _defaultMode, config, bookmarks);
            await result.StartAsync(extra, ct).ConfigureAwait(false);
        }
        catch (BoltClientException) when (!result.IsComplete)
        {
            // Refused before anything was sent (a setting the server's version cannot carry).
            _openResult = null;
            await lease.ReleaseAsync().ConfigureAwait(false);
            throw;
        }
        return result;
    }

    /// <summary>A transaction in the session's default access mode.</summary>
    public Task<BoltTransaction> BeginTransactionAsync(CancellationToken ct = default) =>
        BeginTransactionAsync(null, _defaultMode, ct);

    /// <summary>A transaction with a timeout and metadata, in the session's default access mode.</summary>
    public Task<BoltTransaction> BeginTransactionAsync(BoltTransactionConfig? config, CancellationToken ct = default) =>
        BeginTransactionAsync(config, _defaultMode, ct);

    public async Task<BoltTransaction> BeginTransactionAsync(BoltTransactionConfig? config, BoltAccessMode mode, CancellationToken ct = default)
    {
        await PrepareAsync(ct).ConfigureAwait(false);
        var bookmarks = CurrentBookmarks();
        var lease = await AcquireAsync(mode, bookmarks, ct).ConfigureAwait(false);
        var transaction = new BoltTransaction(lease, _fetchSize, bookmark => OnCommitted(bookmarks, bookmark), () =>
        {
            _openTransaction = null;
            return lease.ReleaseAsync();
        });
        _openTransaction = transaction;
        try
        {
            await transaction.BeginAsync(Extra(lease, mode, config, bookmarks), ct).ConfigureAwait(false);
        }
        catch
        {
            _openTransaction = null;
            await lease.ReleaseAsync().ConfigureAwait(false);
            throw;
        }
        return transaction;
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction, retrying it on transient failures.</summary>
    public Task<T> ExecuteReadAsync<T>(Func<BoltTransaction, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync(BoltAccessMode.Read, work, null, ct);

    /// <summary>Runs <paramref name="work"/> in a write transaction, retrying it on transient failures.</summary>
    public Task<T> ExecuteWriteAsync<T>(Func<BoltTransaction, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync(BoltAccessMode.Write, work, null, ct);

    public Task ExecuteWriteAsync(Func<BoltTransaction, Task> work, CancellationToken ct = default) =>
        ExecuteAsync<bool>(BoltAccessMode.Write, async tx => { await work(tx).ConfigureAwait(false); return true; }, null, ct);

    /// <summary>
    /// The retry loop of managed transactions: the work may run more than once, so it must not have
    /// side effects outside the transaction. Delays grow exponentially with jitter until the time budget
    /// <see cref="BoltDriverOptions.MaxTransactionRetryTime"/> is spent.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(BoltAccessMode mode, Func<BoltTransaction, Task<T>> work, BoltTransactionConfig? config, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var delay = _options.RetryInitialDelay;
        var failures = new List<Exception>();
        while (true)
        {
            try
            {
                await using var transaction = await BeginTransactionAsync(config, mode, ct).ConfigureAwait(false);
                var value = await work(transaction).ConfigureAwait(false);
                if (transaction.IsOpen)
                {
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }
                return value;
            }
            catch (BoltException e) when (e.IsRetryable && !ct.IsCancellationRequested)
            {
                failures.Add(e);
                var jittered = delay * (0.8 + Random.Shared.NextDouble() * 0.4);
                if (clock.Elapsed + jittered > _options.MaxTransactionRetryTime)
                {
                    throw new BoltServiceUnavailableException(
                        $"The transaction failed {failures.Count} times within {_options.MaxTransactionRetryTime.TotalSeconds:0.#} s; last error: {e.Message}",
                        new AggregateException(failures));
                }
                await Task.Delay(jittered, ct).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }

    private async Task<ConnectionLease> AcquireAsync(BoltAccessMode mode, IReadOnlyList<string> bookmarks, CancellationToken ct)
    {
        var lease = await _provider.AcquireAsync(new AcquireRequest(Database, mode, bookmarks, _session.ImpersonatedUser, _session.Auth), ct).ConfigureAwait(false);
        Database ??= lease.Database;
        return lease;
    }

    /// <summary>The session's own bookmarks and, with a bookmark manager, every one it holds.</summary>
    private List<string> CurrentBookmarks() =>
        _session.BookmarkManager is { } manager ? [.. _bookmarks.Union(manager.Bookmarks, StringComparer.Ordinal)] : [.. _bookmarks];

    private void OnCommitted(IReadOnlyList<string> waitedFor, string? bookmark)
    {
        if (bookmark is not null)
        {
            _bookmarks = [bookmark];
            _session.BookmarkManager?.Update(waitedFor, [bookmark]);
        }
    }

    private Dictionary<string, object?> Extra(ConnectionLease lease, BoltAccessMode mode, BoltTransactionConfig? config, IReadOnlyList<string> bookmarks)
    {
        var extra = new Dictionary<string, object?>();
        if (bookmarks.Count > 0)
        {
            extra["bookmarks"] = bookmarks.ToArray();
        }
        if (config?.Timeout is { } timeout)
        {
            extra["tx_timeout"] = (long)Math.Ceiling(timeout.TotalMilliseconds);
        }
        if (config?.Metadata is { Count: > 0 } metadata)
        {
            extra["tx_metadata"] = metadata;
        }
        if (mode == BoltAccessMode.Read)
        {
            extra["mode"] = "r";
        }
        if (Database is not null)
        {
            extra["db"] = Database;
        }
        if (_session.ImpersonatedUser is { } user)
        {
            extra["imp_user"] = user;
        }
        NotificationFilters.Append(extra, _session.Notifications, lease.Connection.Version);
        return extra;
    }

    /// <summary>Finishes what the previous call left open, because one session runs one thing at a time.</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_openTransaction is { IsOpen: true })
        {
            throw new BoltClientException("A transaction is open in this session; commit or roll it back first.");
        }
        if (_openResult is { IsComplete: false } open)
        {
            await open.ConsumeAsync(ct).ConfigureAwait(false);
        }
        _openResult = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_openTransaction is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        if (_openResult is { IsComplete: false } open)
        {
            try
            {
                await open.ConsumeAsync().ConfigureAwait(false);
            }
            catch (BoltException)
            {
                // The caller is leaving; the connection was reset or discarded either way.
            }
        }
    }
}
