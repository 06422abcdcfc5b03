using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt;

/// <summary>
/// The records of one query, streamed: batches are pulled as the caller iterates. Iterate once;
/// <see cref="ConsumeAsync"/> discards whatever was not read and returns the summary. In a transaction several
/// results may be open at once: records that arrive while another result is being read are kept for this one,
/// and further batches are pulled only when this one is read.
/// </summary>
public sealed class BoltResult : IAsyncEnumerable<BoltRecord>
{
    private static readonly Dictionary<string, object?> NoParameters = [];

    private readonly ConnectionLease _lease;
    private readonly string _query;
    private readonly IReadOnlyDictionary<string, object?> _parameters;
    private readonly int _fetchSize;
    private readonly InFlightResults _inFlight;
    private readonly Func<BoltResult, Exception?, ValueTask> _onFinished;
    // A record, or the error that reading one raised (a value .NET cannot hold), in the order they arrived.
    private readonly Queue<(BoltRecord? Record, Exception? Error)> _buffered = new();
    private IReadOnlyDictionary<string, object?> _runMetadata = NoParameters;
    private RecordKeys _keys = new([]);
    private long _queryId = -1;
    private bool _open = true;
    private bool _awaitingBatch;
    private bool _hasMore;
    private bool _discarding;
    private bool _enumerated;
    private long _records;
    private BoltSummary? _summary;
    private Exception? _error;

    internal BoltResult(ConnectionLease lease, string query, IReadOnlyDictionary<string, object?>? parameters, int fetchSize,
        InFlightResults inFlight, Func<BoltResult, Exception?, ValueTask> onFinished)
    {
        _lease = lease;
        _query = query;
        _parameters = parameters ?? NoParameters;
        _fetchSize = fetchSize;
        _inFlight = inFlight;
        _onFinished = onFinished;
    }

    public IReadOnlyList<string> Keys => _keys.Names;

    /// <summary>True once every record has been received (or discarded) and the summary is known.</summary>
    public bool IsComplete => !_open;

    internal BoltSummary? Summary => _summary;

    internal static Dictionary<string, object?> PullExtra(long n, long queryId)
    {
        var extra = new Dictionary<string, object?> { ["n"] = n };
        if (queryId >= 0)
        {
            extra["qid"] = queryId;
        }
        return extra;
    }

    /// <summary>
    /// Sends RUN and the first PULL together and waits for RUN's answer, so query errors surface here. Records
    /// of results opened before this one that are still on their way are kept for those results.
    /// </summary>
    internal async Task StartAsync(IReadOnlyDictionary<string, object?> runExtra, CancellationToken ct)
    {
        try
        {
            _lease.Connection.Send(MessageTags.Run, _query, _parameters, runExtra);
            _lease.Connection.Send(MessageTags.Pull, PullExtra(_fetchSize, -1));
            _awaitingBatch = true;
            _inFlight.Add(this);
            await _lease.FlushAsync(ct).ConfigureAwait(false);
            await _inFlight.MakeWayAsync(this, ct).ConfigureAwait(false);
            var reply = await _lease.ReadAsync(ct).ConfigureAwait(false);
            if (reply.Kind != ResponseKind.Success)
            {
                throw await FailAsync(reply, ct).ConfigureAwait(false);
            }
            _runMetadata = reply.Metadata;
            _keys = new RecordKeys(reply.Get("fields") is IEnumerable<object?> fields ? fields.Select(f => f as string ?? "").ToArray() : []);
            _queryId = reply.Get("qid") is long qid ? qid : -1;
        }
        catch (Exception e)
        {
            await FinishAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerator<BoltRecord> GetAsyncEnumerator(CancellationToken ct = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("A result can be iterated only once.");
        }
        _enumerated = true;
        while (await NextAsync(ct).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    private async ValueTask<BoltRecord?> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_buffered.TryDequeue(out var buffered))
            {
                return buffered.Record ?? throw buffered.Error!;
            }
            ThrowIfFailed();
            if (!_open)
            {
                return null;
            }
            if (!_awaitingBatch)
            {
                await RequestAsync(MessageTags.Pull, _fetchSize, ct).ConfigureAwait(false);
            }
            await _inFlight.MakeWayAsync(this, ct).ConfigureAwait(false);
            // Read straight to the caller, not through the buffer, while this batch is the one on the wire.
            if (await ReadInBatchAsync(ct).ConfigureAwait(false) is { } record)
            {
                return record;
            }
        }
    }

    /// <summary>
    /// Reads one message of this result's outstanding batch: a record is returned; a summary ends the batch (and
    /// the result, unless the server holds more) and null is returned. An unreadable value is thrown, the
    /// connection staying in step.
    /// </summary>
    private async ValueTask<BoltRecord?> ReadInBatchAsync(CancellationToken ct)
    {
        BoltResponse response;
        try
        {
            response = await _lease.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (!_lease.Connection.IsBroken)
        {
            // The message was read whole; only one record's value was unusable.
            _records++;
            throw;
        }
        catch (Exception e)
        {
            await FinishAsync(e).ConfigureAwait(false);
            throw;
        }
        if (response.Kind == ResponseKind.Record)
        {
            _records++;
            return _discarding ? null : new BoltRecord(_keys, response.Values);
        }
        await EndBatchAsync(response, ct).ConfigureAwait(false);
        return null;
    }

    private async ValueTask EndBatchAsync(BoltResponse summary, CancellationToken ct)
    {
        _awaitingBatch = false;
        _inFlight.Remove(this);
        if (summary.Kind != ResponseKind.Success)
        {
            var failure = await FailAsync(summary, ct).ConfigureAwait(false);
            await FinishAsync(failure).ConfigureAwait(false);
            throw failure;
        }
        _hasMore = summary.Get("has_more") is true;
        if (!_hasMore)
        {
            _summary = new BoltSummary(_query, _parameters, _runMetadata, summary.Metadata, _lease.Address.ToString(),
                _lease.Connection.Version.ToString(), recordsStreamed: _records > 0, hasKeys: _keys.Names.Length > 0);
            await FinishAsync(null).ConfigureAwait(false);
        }
    }

    /// <summary>A FAILURE resets the connection, which silences every other result's outstanding requests too.</summary>
    private async ValueTask<BoltException> FailAsync(BoltResponse reply, CancellationToken ct)
    {
        var failure = await _lease.FailAsync(reply, ct).ConfigureAwait(false);
        await _inFlight.AbortAllAsync(failure).ConfigureAwait(false);
        return failure;
    }

    /// <summary>Asks for the next batch (PULL) or for the rest to be dropped (DISCARD).</summary>
    private async ValueTask RequestAsync(byte tag, long n, CancellationToken ct)
    {
        try
        {
            _lease.Connection.Send(tag, PullExtra(n, _queryId));
            _awaitingBatch = true;
            _inFlight.Add(this);
            await _lease.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await FinishAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Reads the rest of the batch already asked for into memory, because another result's answer comes after
    /// it on the wire. Asks for nothing more.
    /// </summary>
    internal async ValueTask BufferBatchAsync(CancellationToken ct)
    {
        while (_awaitingBatch)
        {
            try
            {
                if (await ReadInBatchAsync(ct).ConfigureAwait(false) is { } record)
                {
                    _buffered.Enqueue((record, null));
                }
            }
            catch (Exception e) when (_open && !_lease.Connection.IsBroken)
            {
                // Kept in its place, to be thrown when the caller reaches that record.
                _buffered.Enqueue((null, e));
            }
        }
    }

    /// <summary>Reads every remaining record into memory (what a commit needs: the records stay readable after it).</summary>
    internal async Task BufferAllAsync(CancellationToken ct)
    {
        while (_open)
        {
            if (!_awaitingBatch)
            {
                await RequestAsync(MessageTags.Pull, _fetchSize, ct).ConfigureAwait(false);
            }
            await _inFlight.MakeWayAsync(this, ct).ConfigureAwait(false);
            await BufferBatchAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Discards unread records (DISCARD for what the server still holds) and returns the summary.</summary>
    public async Task<BoltSummary> ConsumeAsync(CancellationToken ct = default)
    {
        _buffered.Clear();
        _discarding = true;
        while (_open)
        {
            if (!_awaitingBatch)
            {
                await RequestAsync(MessageTags.Discard, -1, ct).ConfigureAwait(false);
            }
            await _inFlight.MakeWayAsync(this, ct).ConfigureAwait(false);
            try
            {
                await ReadInBatchAsync(ct).ConfigureAwait(false);
            }
            catch (Exception) when (_open && !_lease.Connection.IsBroken)
            {
                // A record being dropped may hold a value .NET cannot read; it is dropped all the same.
            }
        }
        ThrowIfFailed();
        return _summary!;
    }

    public async Task<List<BoltRecord>> ToListAsync(CancellationToken ct = default)
    {
        var list = new List<BoltRecord>();
        await foreach (var record in this.WithCancellation(ct).ConfigureAwait(false))
        {
            list.Add(record);
        }
        return list;
    }

    /// <summary>The only record; throws when there are none or several.</summary>
    public async Task<BoltRecord> SingleAsync(CancellationToken ct = default)
    {
        var records = await ToListAsync(ct).ConfigureAwait(false);
        return records.Count == 1 ? records[0] : throw new InvalidOperationException($"Expected exactly one record, got {records.Count}.");
    }

    private void ThrowIfFailed()
    {
        if (_error is not null)
        {
            throw _error is BoltException or OperationCanceledException
                ? new BoltClientException($"The result was not completed: {_error.Message}", _error)
                : _error;
        }
    }

    /// <summary>Ends the result because a failure elsewhere on the connection silenced its outstanding request.</summary>
    internal ValueTask AbortAsync(Exception error)
    {
        _awaitingBatch = false;
        return FinishAsync(error);
    }

    private async ValueTask FinishAsync(Exception? error)
    {
        if (!_open)
        {
            return;
        }
        _open = false;
        _error = error;
        if (_awaitingBatch)
        {
            _awaitingBatch = false;
            _inFlight.Remove(this);
        }
        await _onFinished(this, error).ConfigureAwait(false);
    }
}
