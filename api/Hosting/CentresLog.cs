using FilmGraph.Core;

namespace FilmGraph.Api.Hosting;

/// <summary>
/// Log lines for the centres the store ranks in the background: when a ranking starts, every tenth of its
/// candidates, when it finishes, and when the graph changes under finished centres. It only reads
/// <c>centresStatus</c>, every few seconds, so it costs the store nothing it would not answer a client.
/// </summary>
internal sealed class CentresLog(GraphStoreHost host, ILogger<CentresLog> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly IReadOnlyList<RelationshipType> Via = [RelationshipType.CastIn];

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        CentresStatus? last = null;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!host.IsOpen) continue;
                CentresStatus now;
                try
                {
                    // Past the tracing: a poll every few seconds is not a request, and would be a root span each time.
                    var store = host.Store is TracedGraphStore traced ? traced.Inner : host.Store;
                    now = await store.CentresStatusAsync(Via, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogDebug(e, "Reading the centres status failed.");
                    continue;
                }
                Describe(last, now);
                last = now;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Describe(CentresStatus? last, CentresStatus now)
    {
        var tenth = Math.Max(1, now.Candidates / 10);
        switch (now.State)
        {
            case CentresState.Computing when last?.State != CentresState.Computing:
                log.LogInformation("Centres: ranking {Candidates} candidates in the background.", now.Candidates);
                break;
            case CentresState.Computing when now.Done / tenth != last.Done / tenth:
                log.LogInformation("Centres: {Done} of {Candidates} candidates done.", now.Done, now.Candidates);
                break;
            case CentresState.Current when last?.State != CentresState.Current:
                log.LogInformation("Centres: current, {Candidates} candidates ranked at {At:O}.", now.Candidates, now.ComputedAt);
                break;
            case CentresState.Stale when last?.State != CentresState.Stale:
                log.LogInformation("Centres: the graph changed since they were computed at {At:O}; they will be ranked again.", now.ComputedAt);
                break;
            case CentresState.Missing when last is null:
                log.LogInformation("Centres: none ranked yet.");
                break;
        }
    }
}
