using System.Diagnostics;
using System.Globalization;
using FilmGraph.Core;
using FilmGraph.Store.Embedded;
using FilmGraph.Stores;

namespace FilmGraph.Bench;

/// <summary>
/// The benchmark driver. Each command prints the figures BENCHMARKS.md records, one "name: value" per line.
/// Timings are wall clock on whatever else the machine is doing: compare figures from one run, not across runs.
/// </summary>
public static class BenchCommands
{
    private const string Usage = """
        filmgraph-bench generate <S|M|L|XL> <dir> [--seed N]      IMDb TSV (dir/imdb) and neo4j-admin CSV (dir/csv)
        filmgraph-bench load <S|M|L|XL> <store.db> [--seed N] [--batch N]   write straight through the store
        filmgraph-bench open <store.db> [--snapshot no]           cold start: open from the index snapshot (or build it from the file)
        filmgraph-bench chains <store.db> [--pairs N] [--seed N] [--export DIR] [--warm SECONDS]   coStarChain latency, pairs for the peers
        filmgraph-bench reach <store.db> [--count N] [--seed N]   full distance table from random people
        filmgraph-bench centres <store.db> [--candidates N] [--keep N] [--threads N] [--unpruned 1]   rank the centres (writes store.db.centres)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = Options(args);
        var seed = int.Parse(options.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture);
        switch (args[0])
        {
            case "generate":
                Generate(GraphSize.Parse(args[1]), args[2], seed);
                return 0;
            case "load":
                await LoadAsync(GraphSize.Parse(args[1]), args[2], seed, int.Parse(options.GetValueOrDefault("batch", "50000"), CultureInfo.InvariantCulture));
                return 0;
            case "open":
                await OpenAsync(args[1], options.GetValueOrDefault("snapshot", "yes") != "no");
                return 0;
            case "chains":
                await ChainsAsync(args[1], int.Parse(options.GetValueOrDefault("pairs", "1000"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("seed", "7"), CultureInfo.InvariantCulture), options.GetValueOrDefault("export"),
                    TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warm", "2"), CultureInfo.InvariantCulture)));
                return 0;
            case "reach":
                await ReachAsync(args[1], int.Parse(options.GetValueOrDefault("count", "5"), CultureInfo.InvariantCulture), seed);
                return 0;
            case "centres":
                await CentresAsync(args[1], int.Parse(options.GetValueOrDefault("candidates", $"{Limits.DefaultCentreCandidates}"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("keep", $"{Limits.DefaultCentresKept}"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("threads", $"{Environment.ProcessorCount}"), CultureInfo.InvariantCulture),
                    options.ContainsKey("unpruned"));
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        return options;
    }

    /// <summary>
    /// The embedded store at <paramref name="storePath"/>, as the API would open it but for the watch for other writers:
    /// nothing else writes a benchmark's file, and a timer firing would only add noise.
    /// </summary>
    private static StoreSettings Settings(string storePath) =>
        new() { Embedded = { Path = storePath, ExternalChangePoll = TimeSpan.Zero, CentresInBackground = false } };

    private static void Report(string name, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));

    private static void Generate(GraphSize size, string directory, int seed)
    {
        var clock = Stopwatch.StartNew();
        var graph = SyntheticGraph.Generate(size, seed);
        GraphFiles.WriteImdb(graph, Path.Combine(directory, "imdb"));
        GraphFiles.WriteNeo4jAdminCsv(graph, Path.Combine(directory, "csv"));
        Report("people", size.People);
        Report("films", size.Films);
        Report("credits", graph.Credits.Length);
        Report("cast_links", graph.Credits.Count(c => c.Type == RelationshipType.CastIn));
        Report("generate_seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
    }

    private static async Task LoadAsync(GraphSize size, string storePath, int seed, int batchSize)
    {
        var graph = SyntheticGraph.Generate(size, seed);
        var clock = Stopwatch.StartNew();
        var total = WriteSummary.Zero;
        await using (var store = await GraphStores.OpenAsync(Settings(storePath).WriteOnly(), CancellationToken.None))
            foreach (var batch in graph.Batches(batchSize))
                total = total.Add(await store.WriteAsync(batch));
        var seconds = clock.Elapsed.TotalSeconds;
        Report("relationships_written", total.Relationships.Total);
        Report("relationships_created", total.Relationships.Created);
        Report("load_seconds", seconds.ToString("F1", CultureInfo.InvariantCulture));
        Report("relationships_per_second", (total.Relationships.Total / seconds).ToString("F0", CultureInfo.InvariantCulture));
        Report("peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20));
    }

    /// <summary>
    /// Opens the store cold in this fresh process, from the snapshot beside it when <paramref name="snapshot"/> and it is
    /// current, else building the index from the file. Closing saves the snapshot when it was not current, so a run
    /// with <c>--snapshot no</c> leaves none behind it only if there was none: delete <c>store.db.index</c> to time a first start.
    /// </summary>
    private static async Task OpenAsync(string storePath, bool snapshot)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var settings = Settings(storePath).Embedded;
        settings.Snapshot = snapshot;
        // The embedded store itself rather than GraphStores' guarded one: the figures are its own (open phases, adjacency bytes).
        var store = EmbeddedGraphStore.Open(settings);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var stats = await store.StatsAsync();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Report("open_seconds", seconds.ToString("F2", CultureInfo.InvariantCulture));
        Report("index_source", store.IndexSource);
        var t = store.OpenTimings;
        Report("open_phases_seconds", t.Snapshot > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"snapshot {t.Snapshot.TotalSeconds:F2} (nodes, rows and names read on three threads, each section checked against its hash)")
            : string.Create(CultureInfo.InvariantCulture,
                $"nodes {t.Nodes.TotalSeconds:F2}, edges {t.Edges.TotalSeconds:F2}, adjacency {t.Adjacency.TotalSeconds:F2}, names {t.Names.TotalSeconds:F2} (edges read alongside the nodes, names built alongside; edges counts only the wait after the nodes)"));
        Report("people", stats.People);
        Report("films", stats.Films);
        Report("relationships", stats.Relationships);
        Report("adjacency_bytes_per_relationship", ((double)store.AdjacencyBytes / stats.Relationships).ToString("F1", CultureInfo.InvariantCulture));
        Report("chain_tables_mb", (store.ChainTableBytes / (double)(1 << 20)).ToString("F1", CultureInfo.InvariantCulture));
        Report("managed_heap_mb", (after - before) / (1 << 20));
        Report("managed_bytes_per_relationship", ((double)(after - before) / stats.Relationships).ToString("F1", CultureInfo.InvariantCulture));
        var (nodeTable, adjacency, names) = store.IndexBytes;
        Report("index_mb", string.Create(CultureInfo.InvariantCulture,
            $"node table {nodeTable / 1e6:F1}, adjacency {adjacency / 1e6:F1}, names {names / 1e6:F1}"));
        // VmHWM: the whole process's peak resident set (runtime, native SQLite, the index), not only the managed heap.
        Report("peak_working_set_after_open_mb", peak / (1 << 20));
        Report("peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20));
        clock.Restart();
        await store.DisposeAsync();
        Report("close_seconds", clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        if (store.SnapshotNote is { } note) Report("snapshot", note);
    }

    /// <summary>Random pairs of cast members (fixed seed) that a chain of at most six films joins.</summary>
    private static async Task<List<(string From, string To, int Length)>> PairsAsync(IGraphStore store, int count, int seed)
    {
        var stats = await store.StatsAsync();
        var random = new Random(seed);
        var pairs = new List<(string, string, int)>();
        var attempts = 0;
        while (pairs.Count < count && attempts++ < count * 20)
        {
            var a = SyntheticGraph.PersonId(random.Next((int)stats.People));
            var b = SyntheticGraph.PersonId(random.Next((int)stats.People));
            if (await store.SeparationAsync(new ChainQuery { From = a, To = b }) is int length && length > 0)
                pairs.Add((a, b, length));
        }
        return pairs;
    }

    private static async Task ChainsAsync(string storePath, int count, int seed, string? exportDirectory, TimeSpan warmUp)
    {
        await using var store = await GraphStores.OpenAsync(Settings(storePath), CancellationToken.None);
        var pairs = await PairsAsync(store, count, seed);
        // Warm as a serving API is: the runtime compiles a method quickly first and again, optimised, only after it has
        // been called often and a moment has passed, so a cold run times the first compilation (measured at L: twice the
        // steady p50). Every pair is asked until the warm-up's time has gone, then timed once.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp)
            foreach (var (from, to, _) in pairs)
            {
                await store.ShortestChainsAsync(new ChainQuery { From = from, To = to }, 1);
                await store.SeparationAsync(new ChainQuery { From = from, To = to });
            }

        var micros = new List<double>(pairs.Count);
        foreach (var (from, to, length) in pairs)
        {
            var clock = Stopwatch.StartNew();
            var chain = await store.ShortestChainsAsync(new ChainQuery { From = from, To = to }, 1);
            micros.Add(clock.Elapsed.TotalMicroseconds);
            if (chain[0].Length != length) throw new InvalidOperationException($"{from} -> {to}: chain of {chain[0].Length}, separation {length}");
        }
        // Chains of two films cost a few microseconds and of three tens, so where the p50 falls depends on how many of
        // each the pairs hold (at L about half and half: the p50 is then the slow end of the chains of two).
        var byFilms = pairs.Zip(micros).GroupBy(p => p.First.Length, p => p.Second).OrderBy(g => g.Key)
            .Select(g => (Films: g.Key, Micros: g.Order().ToList())).ToList();
        micros.Sort();
        // The same pairs asking only for the distance: the search alone, without building and describing chains.
        var separation = new List<double>(pairs.Count);
        foreach (var (from, to, _) in pairs)
        {
            var clock = Stopwatch.StartNew();
            await store.SeparationAsync(new ChainQuery { From = from, To = to });
            separation.Add(clock.Elapsed.TotalMicroseconds);
        }
        separation.Sort();
        Report("pairs", pairs.Count);
        Report("mean_length", pairs.Average(p => p.Length).ToString("F2", CultureInfo.InvariantCulture));
        Report("chain_p50_ms", (Percentile(micros, 0.50) / 1000).ToString("F4", CultureInfo.InvariantCulture));
        Report("chain_p99_ms", (Percentile(micros, 0.99) / 1000).ToString("F3", CultureInfo.InvariantCulture));
        Report("chain_max_ms", (micros[^1] / 1000).ToString("F3", CultureInfo.InvariantCulture));
        Report("chain_p50_ms_by_films", string.Join(", ", byFilms.Select(l =>
            string.Create(CultureInfo.InvariantCulture, $"{l.Films}: {Percentile(l.Micros, 0.5) / 1000:F4} ({l.Micros.Count} pairs)"))));
        Report("separation_p50_ms", (Percentile(separation, 0.50) / 1000).ToString("F4", CultureInfo.InvariantCulture));
        Report("separation_p99_ms", (Percentile(separation, 0.99) / 1000).ToString("F3", CultureInfo.InvariantCulture));

        if (exportDirectory is not null) await ExportAsync(storePath, pairs, exportDirectory);
    }

    /// <summary>The cast graph and the pairs with their lengths, for the peers to answer the same questions.</summary>
    private static async Task ExportAsync(string storePath, List<(string From, string To, int Length)> pairs, string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllLinesAsync(Path.Combine(directory, "pairs.tsv"), pairs.Select(p => $"{p.From}\t{p.To}\t{p.Length}"));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT p.id, f.id FROM edges e JOIN nodes p ON p.seq = e.src JOIN nodes f ON f.seq = e.dst WHERE e.type = {(int)RelationshipType.CastIn}";
        using var reader = command.ExecuteReader();
        await using var edges = new StreamWriter(Path.Combine(directory, "cast.tsv"));
        while (reader.Read()) await edges.WriteLineAsync($"{reader.GetString(0)}\t{reader.GetString(1)}");
    }

    private static async Task ReachAsync(string storePath, int count, int seed)
    {
        await using var store = await GraphStores.OpenAsync(Settings(storePath), CancellationToken.None);
        var stats = await store.StatsAsync();
        var random = new Random(seed);
        var millis = new List<double>();
        // CPU time as well as wall clock: on a machine shared with other work the wall clock mostly measures the queue.
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        Reach? last = null;
        for (var i = 0; i < count + 1; i++)
        {
            var id = SyntheticGraph.PersonId(random.Next((int)stats.People));
            process.Refresh();
            var before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = await store.ReachAsync(new ReachQuery(id, Limits.MaxHopsCeiling, [RelationshipType.CastIn]));
            if (i == 0) continue;
            millis.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }
        millis.Sort();
        cpu.Sort();
        Report("reach_runs", millis.Count);
        Report("reach_median_ms", Percentile(millis, 0.5).ToString("F1", CultureInfo.InvariantCulture));
        Report("reach_median_cpu_ms", Percentile(cpu, 0.5).ToString("F1", CultureInfo.InvariantCulture));
        Report("reach_max_ms", millis[^1].ToString("F1", CultureInfo.InvariantCulture));
        Report("last_reachable", last!.Reachable);
        Report("last_average_distance", last.AverageDistance?.ToString("F2", CultureInfo.InvariantCulture) ?? "none");
    }

    private static async Task CentresAsync(string storePath, int candidates, int keep, int threads, bool unpruned)
    {
        var options = Settings(storePath).Embedded;
        (options.CentreCandidates, options.CentresKept, options.CentreThreads, options.CentresPruned) = (candidates, keep, threads, !unpruned);
        await using var store = EmbeddedGraphStore.Open(options);
        var clock = Stopwatch.StartNew();
        var status = await store.ComputeCentresAsync([RelationshipType.CastIn], null);
        Report("centres_seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        Report("centres_candidates", status.Candidates);
        Report("centres_threads", threads);
        Report("centres_pruned", store.LastCentresPruned ?? 0);
        Report("centres_state", status.State);
        var best = await store.CentresAsync([RelationshipType.CastIn], 3);
        foreach (var (centre, i) in best.Select((c, i) => (c, i)))
            Report($"centre_{i + 1}", string.Create(CultureInfo.InvariantCulture, $"{centre.Person.Id} {centre.AverageDistance:F4} reach {centre.ReachCount}"));
        Report("peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20));
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
