using FilmGraph.Api.Hosting;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Observability;

/// <summary>
/// Reads the store's state and size for the gauges every <see cref="MetricsSettings.StoreSampleInterval"/>, so that
/// a scrape never waits on the store nor makes it count. The first sample is taken on start, after the store is open.
/// </summary>
internal sealed class StoreSampler(GraphStoreHost host, FilmGraphMetrics metrics, IOptions<MetricsSettings> settings, ILogger<StoreSampler> log)
    : BackgroundService
{
    private readonly TimeSpan _interval = settings.Value.StoreSampleInterval > TimeSpan.Zero ? settings.Value.StoreSampleInterval : TimeSpan.FromSeconds(15);

    public override async Task StartAsync(CancellationToken ct)
    {
        metrics.Store(await SampleAsync(ct));
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) metrics.Store(await SampleAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<StoreSample> SampleAsync(CancellationToken ct)
    {
        if (!host.IsOpen) return new StoreSample(false, null);
        // A store that hangs (a Neo4j server gone quiet) must not stack samples up behind it.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(_interval);
        var ready = false;
        try
        {
            var store = host.Store;
            ready = await store.ProblemAsync(bounded.Token) is null;
            return new StoreSample(ready, ready ? await store.StatsAsync(bounded.Token) : null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The readiness check and the query log say why; here it is only a gauge.
            log.LogDebug(e, "Sampling the store for metrics failed.");
            return new StoreSample(ready, null);
        }
    }
}
