namespace FilmGraph.Bolt;

/// <summary>
/// The results of one connection whose requests await answers, in the order the answers will come. A result
/// that wants to read its own answer first makes the ones ahead of it keep theirs (as records in memory), so
/// several results of a transaction can be open at once without any of them being read ahead of need.
/// </summary>
internal sealed class InFlightResults
{
    private readonly List<BoltResult> _queue = [];

    public void Add(BoltResult result)
    {
        if (!_queue.Contains(result))
        {
            _queue.Add(result);
        }
    }

    public void Remove(BoltResult result) => _queue.Remove(result);

    /// <summary>Reads the batches ahead of <paramref name="reader"/>'s into their results' buffers.</summary>
    public async ValueTask MakeWayAsync(BoltResult reader, CancellationToken ct)
    {
        while (_queue.Count > 0 && _queue[0] != reader)
        {
            await _queue[0].BufferBatchAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>After a reset (or a lost connection) no answer will come for any of them.</summary>
    public async ValueTask AbortAllAsync(Exception error)
    {
        while (_queue.Count > 0)
        {
            var result = _queue[0];
            _queue.RemoveAt(0);
            await result.AbortAsync(error).ConfigureAwait(false);
        }
    }
}
