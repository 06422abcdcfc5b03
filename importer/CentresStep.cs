using System.Diagnostics;
using System.Globalization;
using FilmGraph.Core;
using FilmGraph.Stores;

namespace FilmGraph.Importer;

/// <summary>
/// --centres: opens the store for reading, as the API would (the embedded store then builds its index), ranks the
/// centres over CAST_IN and keeps them with the store, printing progress every tenth of the candidates.
/// </summary>
internal static class CentresStep
{
    public static async Task<bool> RunAsync(StoreSettings settings, CancellationToken ct)
    {
        var reading = new StoreSettings
        {
            Store = settings.Store,
            Neo4j = settings.Neo4j,
            Embedded = { Path = settings.Embedded.Path, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false },
        };
        try
        {
            await using var store = await GraphStores.OpenAsync(reading, ct);
            Console.WriteLine("Ranking the centres over CAST_IN ...");
            var clock = Stopwatch.StartNew();
            var shown = -1;
            var progress = new Progress<CentresStatus>(s =>
            {
                var tenth = Math.Max(1, s.Candidates / 10);
                if (s.Done / tenth == shown) return;
                shown = s.Done / tenth;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  centres: {s.Done:N0} of {s.Candidates:N0} candidates"));
            });
            var status = await store.ComputeCentresAsync([RelationshipType.CastIn], progress, ct);
            var best = await store.CentresAsync([RelationshipType.CastIn], 1, ct);
            var centre = best.Count == 0
                ? "nobody reaches anyone"
                : string.Create(CultureInfo.InvariantCulture, $"the centre is {best[0].Person.Name} ({best[0].Person.Id}), {best[0].AverageDistance:F3} on average");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Centres ranked: {status.Candidates:N0} candidates in {clock.Elapsed.TotalSeconds:F1} s; {centre}."));
            return true;
        }
        catch (Exception e) when (e is GraphStoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"filmgraph-import: ranking the centres failed: {e.Message}");
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("filmgraph-import: ranking the centres was interrupted; the import itself is complete.");
            return false;
        }
    }
}
