using System.Diagnostics;

namespace FilmGraph.Api.Observability;

/// <summary>
/// The names FilmGraph's own telemetry goes by: spans from <see cref="Source"/> (<c>graphql.parse</c>,
/// <c>graphql.validate</c>, <c>graphql.execute</c>, <c>store.&lt;Method&gt;</c>) and the meter of
/// <see cref="FilmGraphMetrics"/>. One name for both, so that an exporter takes them with one rule.
/// </summary>
public static class Telemetry
{
    public const string Name = "FilmGraph";

    /// <summary>
    /// Process-wide, as ActivitySource is meant to be: a span costs nothing unless a listener (the OpenTelemetry
    /// tracer, when an exporter is configured) samples it.
    /// </summary>
    public static readonly ActivitySource Source = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());
}
