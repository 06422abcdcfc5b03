using System.Diagnostics.Metrics;

namespace FilmGraph.Api.Observability;

/// <summary>
/// FilmGraph's instruments. Prometheus names: <c>filmgraph_requests_total{outcome}</c>,
/// <c>filmgraph_request_duration_seconds{outcome}</c>, <c>filmgraph_request_cost</c>,
/// <c>filmgraph_refusals_total{code}</c>, <c>filmgraph_store_ready</c> and
/// <c>filmgraph_store_nodes{kind}</c> / <c>filmgraph_store_relationships</c> (from the last <see cref="StoreSample"/>).
/// </summary>
/// <remarks>
/// The meter comes from the host's <see cref="IMeterFactory"/> rather than a static, so that two hosts in one process
/// (the tests start several) each own their instruments and their store gauges observe their own store.
/// </remarks>
internal sealed class FilmGraphMetrics
{
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    // The cost model's ceiling (FilmGraph:Limits:MaxCost) is 20,000 by default; the last buckets show documents near it.
    private static readonly InstrumentAdvice<long> CostBuckets = new()
    {
        HistogramBucketBoundaries = [1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 50_000],
    };

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _cost;
    private readonly Counter<long> _refusals;
    private StoreSample? _store;

    public FilmGraphMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        _requests = meter.CreateCounter<long>("filmgraph.requests", "{request}", "GraphQL requests answered, by outcome.");
        _duration = meter.CreateHistogram("filmgraph.request.duration", "s",
            "Time from the request reaching /graphql to the response written, by outcome.", advice: DurationBuckets);
        _cost = meter.CreateHistogram("filmgraph.request.cost", null, "Static cost of the documents that got that far.", advice: CostBuckets);
        _refusals = meter.CreateCounter<long>("filmgraph.refusals", "{request}", "Requests refused, by error code (one count per distinct code).");
        meter.CreateObservableGauge("filmgraph.store.ready", ObserveReady, null, "1 when the store was open and could answer at the last sample, else 0.");
        meter.CreateObservableGauge("filmgraph.store.nodes", ObserveNodes, "{node}", "People and films in the index at the last sample.");
        meter.CreateObservableGauge("filmgraph.store.relationships", ObserveRelationships, "{relationship}", "Relationships in the index at the last sample.");
    }

    /// <summary>One request to /graphql, once its response is written.</summary>
    public void Request(string outcome, TimeSpan elapsed, GraphQLRequestRecord? record)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _requests.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
        if (record is null) return;
        if (record.Cost is { } cost) _cost.Record(cost);
        if (outcome != RequestOutcomes.Refused) return;
        foreach (var code in record.ErrorCodes) _refusals.Add(1, new KeyValuePair<string, object?>("code", code));
    }

    /// <summary>What the gauges report until the next sample.</summary>
    public void Store(StoreSample sample) => Volatile.Write(ref _store, sample);

    // Before the first sample the gauges report nothing rather than a zero that would read as "empty" or "down".
    private IEnumerable<Measurement<int>> ObserveReady() =>
        Volatile.Read(ref _store) is { } sample ? [new(sample.Ready ? 1 : 0)] : [];

    private IEnumerable<Measurement<long>> ObserveNodes() =>
        Volatile.Read(ref _store)?.Stats is { } stats
            ? [new(stats.People, new KeyValuePair<string, object?>("kind", "person")), new(stats.Films, new KeyValuePair<string, object?>("kind", "film"))]
            : [];

    private IEnumerable<Measurement<long>> ObserveRelationships() =>
        Volatile.Read(ref _store)?.Stats is { } stats ? [new(stats.Relationships)] : [];
}
