using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt;

/// <summary>
/// An explicit transaction on one connection. Queries run in order, each sent at once: an earlier result stays
/// readable, its records kept in memory only as far as they arrive ahead of a later query's answer. Commit reads
/// what is left of open results (they stay readable); rollback discards it. Disposing without commit rolls back.
/// </summary>
public sealed class BoltTransaction : IAsyncDisposable
{
    private static readonly Dictionary<string, object?> NoExtra = [];

    private readonly ConnectionLease _lease;
    private readonly int _fetchSize;
    private readonly Action<string?> _onCommitted;
    private readonly Func<ValueTask> _onClosed;
    private readonly List<BoltResult> _results = [];
    private readonly InFlightResults _inFlight = new();
    private State _state = State.Open;

    private enum State
    {
        Open,
        Failed,
        Committed,
        RolledBack,
    }

    internal BoltTransaction(ConnectionLease lease, int fetchSize, Action<string?> onCommitted, Func<ValueTask> onClosed)
    {
        _lease = lease;
        _fetchSize = fetchSize;
        _onCommitted = onCommitted;
        _onClosed = onClosed;
    }

    public bool IsOpen => _state == State.Open;

    internal async Task BeginAsync(IReadOnlyDictionary<string, object?> extra, CancellationToken ct)
    {
        _lease.Connection.Send(MessageTags.Begin, extra);
        await _lease.FlushAsync(ct).ConfigureAwait(false);
        var reply = await _lease.ReadAsync(ct).ConfigureAwait(false);
        if (reply.Kind != ResponseKind.Success)
        {
            _state = State.Failed;
            throw await _lease.FailAsync(reply, ct).ConfigureAwait(false);
        }
    }

    public Task<BoltResult> RunAsync(string query, CancellationToken ct = default) =>
        RunAsync(query, null, ct);

    public async Task<BoltResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters, CancellationToken ct = default)
    {
        ThrowIfNotOpen();
        var result = new BoltResult(_lease, query, parameters, _fetchSize, _inFlight, OnResultFinished);
        _results.RemoveAll(r => r.IsComplete);
        _results.Add(result);
        await result.StartAsync(NoExtra, ct).ConfigureAwait(false);
        return result;
    }

    private ValueTask OnResultFinished(BoltResult result, Exception? error)
    {
        if (error is not null)
        {
            // A failed query fails the whole transaction on the server; the connection was reset already.
            _state = State.Failed;
        }
        return default;
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        ThrowIfNotOpen();
        try
        {
            foreach (var result in _results.Where(r => !r.IsComplete).ToList())
            {
                // COMMIT is only taken with no result open; the drivers keep the records readable after it.
                await result.BufferAllAsync(ct).ConfigureAwait(false);
            }
            ThrowIfNotOpen();
            _lease.Connection.Send(MessageTags.Commit);
            await _lease.FlushAsync(ct).ConfigureAwait(false);
            var reply = await _lease.ReadAsync(ct).ConfigureAwait(false);
            if (reply.Kind != ResponseKind.Success)
            {
                _state = State.Failed;
                throw await _lease.FailAsync(reply, ct).ConfigureAwait(false);
            }
            _state = State.Committed;
            _onCommitted(reply.Get("bookmark") as string);
        }
        catch
        {
            if (_state == State.Open)
            {
                _state = State.Failed;
            }
            throw;
        }
        finally
        {
            if (_state != State.Open)
            {
                await _onClosed().ConfigureAwait(false);
            }
        }
    }

    public async Task RollbackAsync(CancellationToken ct = default)
    {
        if (_state == State.Failed)
        {
            // The server ended it already when the failure was reset.
            _state = State.RolledBack;
            await _onClosed().ConfigureAwait(false);
            return;
        }
        ThrowIfNotOpen();
        try
        {
            foreach (var result in _results.Where(r => !r.IsComplete).ToList())
            {
                // ROLLBACK is only taken with no result open: what the server still holds is discarded first.
                await result.ConsumeAsync(ct).ConfigureAwait(false);
            }
            if (_state == State.Failed)
            {
                // Discarding met the query's failure; the reset that followed ended the transaction.
                return;
            }
            _lease.Connection.Send(MessageTags.Rollback);
            await _lease.FlushAsync(ct).ConfigureAwait(false);
            var reply = await _lease.ReadAsync(ct).ConfigureAwait(false);
            if (reply.Kind != ResponseKind.Success)
            {
                throw await _lease.FailAsync(reply, ct).ConfigureAwait(false);
            }
        }
        catch (BoltException) when (_state == State.Failed)
        {
            // As above: a failure while discarding; the transaction is over on the server.
        }
        finally
        {
            _state = State.RolledBack;
            await _onClosed().ConfigureAwait(false);
        }
    }

    private void ThrowIfNotOpen()
    {
        if (_state != State.Open)
        {
            throw new BoltClientException(_state == State.Failed
                ? "The transaction failed earlier and can only be rolled back."
                : $"The transaction is already {(_state == State.Committed ? "committed" : "rolled back")}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_state is State.Open or State.Failed)
        {
            try
            {
                await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (BoltException)
            {
                // Rolling back on dispose is best effort; a broken connection is discarded by the pool.
            }
        }
    }
}
