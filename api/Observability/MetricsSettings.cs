namespace FilmGraph.Api.Observability;

/// <summary>Settings of the section <c>FilmGraph:Metrics</c>: the Prometheus scrape endpoint and what feeds it.</summary>
internal sealed class MetricsSettings
{
    public const string Section = "FilmGraph:Metrics";

    /// <summary>Serve <c>/metrics</c> and collect FilmGraph's metrics; off, the instruments have no listener.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the store's state and the index sizes are read for the gauges. Counting the embedded index walks
    /// every node, so a scrape reads the last sample instead of counting.
    /// </summary>
    public TimeSpan StoreSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
