using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FilmGraph.Api.Hosting;

/// <summary>Ready when the store is open and says it can answer; when not, the store's own reason.</summary>
internal sealed class StoreHealthCheck(GraphStoreHost host) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!host.IsOpen) return HealthCheckResult.Unhealthy("The store is not open.");
        return await host.Store.ProblemAsync(ct) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy(host.Store.Description);
    }
}
