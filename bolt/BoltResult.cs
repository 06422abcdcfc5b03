using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt;

/// <summary>
/// The records of one query, streamed: batches are pulled as the caller iterates. Iterate once;
/// <see cref="ConsumeAsync"/> discards whatever was not read and returns the summary.
/// </summary>
public sealed class BoltResult : IAsyncEnumerable<BoltRecord>
{
    private static readonly Dictionary<string, object?> NoParameters = [];

    private readonly ConnectionLease _lease;
    private readonly string _query;
    private readonly IReadOnlyDictionary<string, object?> _parameters;
    private readonly int _fetchSize;
    private readonly Func<BoltResult, Exception?, ValueTask> _onFinished;
    private readonly Queue<BoltRecord> _buffered = new();
    private IReadOnlyDictionary<string, object?> _runMetadata = NoParameters;
    private RecordKeys _keys = new([]);
    private long _queryId = -1;
    private bool _streaming = true;
    private bool _enumerated;
    private BoltSummary? _summary;
    private Exception? _error;

    internal BoltResult(ConnectionLease lease, string query, IReadOnlyDictionary<string, object?>? parameters, int fetchSize, Func<BoltResult, Exception?, ValueTask> onFinished)
    {
        _lease = lease;
        _query = query;
        _parameters = parameters ?? NoParameters;
        _fetchSize = fetchSize;
        _onFinished = onFinished;
    }

    public IReadOnlyList<string> Keys => _keys.Names;

    /// <summary>True once every record has been received (or discarded) and the summary is known.</summary>
    public bool IsComplete => _summary is not null || _error is not null;

    internal static Dictionary<string, object?> PullExtra(long n, long queryId)
    {
        var extra = new Dictionary<string, object?> { ["n"] = n };
        if (queryId >= 0)
        {
            extra["qid"] = queryId;
        }
        return extra;
    }

    /// <summary>Sends RUN and the first PULL together and waits for RUN's answer, so query errors surface here.</summary>
    internal async Task StartAsync(IReadOnlyDictionary<string, object?> runExtra, CancellationToken ct)
    {
        try
        {
            _lease.Connection.Send(MessageTags.Run, _query, _parameters, runExtra);
            _lease.Connection.Send(MessageTags.Pull, PullExtra(_fetchSize, -1));
            await _lease.FlushAsync(ct).ConfigureAwait(false);
            var reply = await _lease.ReadAsync(ct).ConfigureAwait(false);
            if (reply.Kind != ResponseKind.Success)
            {
                throw await _lease.FailAsync(reply, ct).ConfigureAwait(false);
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
        if (_buffered.TryDequeue(out var buffered))
        {
            return buffered;
        }
        ThrowIfFailed();
        while (_streaming)
        {
            var response = await ReadAsync(ct).ConfigureAwait(false);
            if (response.Kind == ResponseKind.Record)
            {
                return new BoltRecord(_keys, response.Values);
            }
            await OnBatchEndAsync(response, discardRest: false, ct).ConfigureAwait(false);
        }
        return null;
    }

    private async ValueTask<BoltResponse> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await _lease.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await FinishAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask OnBatchEndAsync(BoltResponse summary, bool discardRest, CancellationToken ct)
    {
        if (summary.Kind != ResponseKind.Success)
        {
            var failure = await _lease.FailAsync(summary, ct).ConfigureAwait(false);
            await FinishAsync(failure).ConfigureAwait(false);
            throw failure;
        }
        if (summary.Get("has_more") is true)
        {
            _lease.Connection.Send(discardRest ? MessageTags.Discard : MessageTags.Pull, PullExtra(discardRest ? -1 : _fetchSize, _queryId));
            try
            {
                await _lease.FlushAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await FinishAsync(e).ConfigureAwait(false);
                throw;
            }
            return;
        }
        _summary = new BoltSummary(_query, _parameters, _runMetadata, summary.Metadata, _lease.Address.ToString(), _lease.Connection.Version.ToString());
        await FinishAsync(null).ConfigureAwait(false);
    }

    /// <summary>Reads the rest into memory, so the connection is free for the next query of a transaction.</summary>
    internal async Task BufferAsync(CancellationToken ct)
    {
        while (_streaming)
        {
            var response = await ReadAsync(ct).ConfigureAwait(false);
            if (response.Kind == ResponseKind.Record)
            {
                _buffered.Enqueue(new BoltRecord(_keys, response.Values));
            }
            else
            {
                await OnBatchEndAsync(response, discardRest: false, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Discards unread records (DISCARD for what the server still holds) and returns the summary.</summary>
    public async Task<BoltSummary> ConsumeAsync(CancellationToken ct = default)
    {
        _buffered.Clear();
        while (_streaming)
        {
            var response = await ReadAsync(ct).ConfigureAwait(false);
            if (response.Kind != ResponseKind.Record)
            {
                await OnBatchEndAsync(response, discardRest: true, ct).ConfigureAwait(false);
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

    private async ValueTask FinishAsync(Exception? error)
    {
        if (!_streaming)
        {
            return;
        }
        _streaming = false;
        _error = error;
        await _onFinished(this, error).ConfigureAwait(false);
    }

    internal BoltSummary? Summary => _summary;
}
