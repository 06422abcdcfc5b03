using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Stores;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Hosting;

/// <summary>
/// Owns the store for the life of the process: opens it before the server takes requests, loads the seed data into
/// an empty store, and closes it on shutdown. Resolvers reach the store through <see cref="Store"/>.
/// </summary>
internal sealed class GraphStoreHost(
    IOptions<StoreSettings> settings, IOptions<SeedOptions> seed, IHostEnvironment environment, ILogger<GraphStoreHost> log) : IHostedService
{
    private IGraphStore? _store;

    public IGraphStore Store => _store ?? throw new GraphStoreException("The graph store is not open.");

    public bool IsOpen => _store is not null;

    public async Task StartAsync(CancellationToken ct)
    {
        // Handed out traced: every resolver's store call becomes a span of the request's trace.
        _store = new TracedGraphStore(await GraphStores.OpenAsync(settings.Value, ct));
        log.LogInformation("Graph store open: {Store}", _store.Description);
        await SeedAsync(_store, ct);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _store, null) is { } open) await open.DisposeAsync();
    }

    private async Task SeedAsync(IGraphStore open, CancellationToken ct)
    {
        var options = seed.Value;
        if (!options.Enabled)
        {
            log.LogInformation("Seeding is turned off (FilmGraph:Seed:Enabled).");
            return;
        }
        var stats = await open.StatsAsync(ct);
        if (stats.People != 0 || stats.Films != 0 || stats.Relationships != 0)
        {
            log.LogInformation("Store holds {People} people, {Films} films, {Relationships} relationships; seed not loaded.",
                stats.People, stats.Films, stats.Relationships);
            return;
        }
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
        if (!File.Exists(path))
        {
            log.LogWarning("The store is empty and the seed file {Path} does not exist; serving an empty graph.", path);
            return;
        }
        try
        {
            var report = await GraphImport.ImportFileAsync(path, open, new ImportOptions(), ct);
            if (report.Succeeded)
            {
                var s = report.Summary;
                log.LogInformation("Loaded seed {Path}: {People} people, {Films} films, {Relationships} relationships.",
                    path, s.People.Total, s.Films.Total, s.Relationships.Total);
            }
            else
            {
                log.LogError("Seed {Path} was refused, nothing loaded; {Count} problems:{NewLine}{Problems}",
                    path, report.Errors.Count, Environment.NewLine, string.Join(Environment.NewLine, report.Errors.Take(20)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken seed leaves an empty but working service; the log says why.
            log.LogError(e, "Loading seed {Path} failed; serving an empty graph.", path);
        }
    }
}
