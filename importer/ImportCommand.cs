using System.Globalization;
using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Stores;
using Spectre.Console;

namespace FilmGraph.Importer;

internal static class ImportCommand
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    public const string Usage =
        "usage: filmgraph-import <files...> [--format auto|json|jsonl|imdb|neo4j-csv] [--title-types movie,tvMovie] " +
        "[--batch-size N] [--rejects FILE] [--nodes FILES] [--relationships FILES] [--store PATH] [--store-kind embedded|neo4j] [--bulk auto|on|off] [--dry-run] [--centres]   (--help for more)";

    public static async Task<int> RunAsync(ImportRequest request, CancellationToken ct)
    {
        var missing = request.AllFiles.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing) Console.Error.WriteLine($"filmgraph-import: {NotAFile(file)}");
        if (missing.Count > 0) return UsageError;
        if (!request.AllFiles.Any()) return Refuse("no files to import.");
        if (request.BatchSize < 1) return Refuse($"--batch-size must be 1 or more; got {request.BatchSize}.");
        if (request.TitleTypes.Count == 0) return Refuse("--title-types needs at least one type.");

        IReadOnlyList<ImportSource> sources;
        try
        {
            sources = ImportSource.Plan(request.Files, request.Format, request.CsvGroups);
        }
        catch (ArgumentException e)
        {
            return Refuse(e.Message);
        }

        IAsyncDisposable? opened = null;
        StreamWriter? rejects = null;
        try
        {
            // Which store, first: an import into the wrong file looks like a success until the API shows nothing.
            Console.WriteLine($"{(request.DryRun ? "Checking against" : "Importing into")} the {StoreDescription.Of(request.Store)}.");
            if (StoreLocation.MissingFolder(request.Store) is { } folder)
            {
                Console.Error.WriteLine($"filmgraph-import: cannot open the store file {request.Store.Embedded.Path}: the folder {folder} " +
                                        "does not exist; create it first, or give --store a path in a folder that exists.");
                return UsageError;
            }
            (var writer, opened) = await OpenStoreAsync(request, ct);
            if (request.RejectsPath is not null) rejects = new StreamWriter(request.RejectsPath, append: false);
            var options = new ImportOptions(request.DryRun)
            {
                BatchSize = request.BatchSize,
                TitleTypes = new HashSet<string>(request.TitleTypes, StringComparer.Ordinal),
                Rejects = rejects,
                Bulk = request.Bulk,
            };
            var exitCode = await ImportAllAsync(sources, writer, options, request.RejectsPath, ct);
            if (!request.Centres || request.DryRun || exitCode == UsageError) return exitCode;
            if (opened is not null) await opened.DisposeAsync();
            opened = null;
            return await CentresStep.RunAsync(request.Store, ct) ? exitCode : UsageError;
        }
        // A store that cannot be opened, a rejects file that cannot be written.
        catch (Exception e) when (e is GraphStoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"filmgraph-import: {e.Message}");
            return UsageError;
        }
        finally
        {
            if (rejects is not null) await rejects.DisposeAsync();
            if (opened is not null) await opened.DisposeAsync();
        }
    }

    /// <summary>The writer to import into, and what to dispose of afterwards.</summary>
    private static async Task<(IGraphWriter Writer, IAsyncDisposable? Opened)> OpenStoreAsync(ImportRequest request, CancellationToken ct)
    {
        var settings = request.Store.WriteOnly();
        if (request.DryRun && settings.Kind == StoreKind.Embedded && !File.Exists(settings.Embedded.Path))
        {
            // Opening would create the file; a dry run leaves the disk as it found it.
            Console.WriteLine($"Store {settings.Embedded.Path} does not exist yet; checking against an empty store.");
            return (new EmptyStore(), null);
        }
        var store = await GraphStores.OpenAsync(settings, ct);
        return (store, store);
    }

    /// <summary>Why a name given as a file cannot be read as one.</summary>
    private static string NotAFile(string name)
    {
        if (name.StartsWith('-')) return $"unknown option '{name}'.";
        if (Directory.Exists(name))
            return $"{name} is a folder, not a file; name the files in it (for example {Path.Combine(name, "*.json")}).";
        return $"{name}: no such file.";
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"filmgraph-import: {message}");
        Console.Error.WriteLine(Usage);
        return UsageError;
    }

    private static async Task<int> ImportAllAsync(IReadOnlyList<ImportSource> sources, IGraphWriter writer, ImportOptions options,
        string? rejectsPath, CancellationToken ct)
    {
        var exitCode = Success;
        var total = new Totals();
        foreach (var source in sources)
        {
            ImportReport report;
            try
            {
                report = await ProgressDisplay.RunAsync(source.Name,
                    progress => GraphImport.ImportAsync(source, writer, options with { Progress = progress }, ct));
            }
            // The input files' own faults, and the store's (a lost server, a full disk) as the guarded store reports them.
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
                                          or GraphStoreException or GraphQueryException or GraphWriteException)
            {
                Console.Error.WriteLine($"filmgraph-import: {source.Name}: {e.Message}");
                Console.Error.WriteLine("filmgraph-import: the batches written before this stay; run the same command again to complete the import.");
                exitCode = Math.Max(exitCode, UsageError);
                continue;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine($"filmgraph-import: {source.Name}: interrupted. The batches written so far stay; " +
                                        "run the same command again to complete the import.");
                return UsageError;
            }
            foreach (var error in report.Errors) Console.Error.WriteLine(error);
            var rejected = report.Rejected.People + report.Rejected.Films + report.Rejected.Relationships + report.Unreadable;
            // A document read whole lists every fault; a batched import the first ones.
            if (!report.WholeFile && rejected > ImportReport.ListedRejects)
                Console.Error.WriteLine($"... {rejected - ImportReport.ListedRejects:N0} more rejected records" +
                                        (rejectsPath is null ? "; --rejects FILE lists them all." : $"; {rejectsPath} lists them all."));
            Console.WriteLine(Outcome(source, report, options.DryRun, rejected));
            foreach (var skip in report.Skipped) Console.WriteLine($"  skipped: {Describe(skip)}");
            foreach (var adjusted in report.Adjusted) Console.WriteLine($"  adjusted: {Describe(adjusted)}");
            total.Add(report);
            if (!report.Succeeded) exitCode = Math.Max(exitCode, InvalidInput);
        }
        SummaryTable.Write(AnsiConsole.Console, total.Table(), toTerminal: !Console.IsOutputRedirected);
        return exitCode;
    }

    private static string Describe(SkipCount note) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Count(note.Count, Noun(note.Kind, 1), Noun(note.Kind, 2))}: {note.Reason} (first: {string.Join(", ", note.Examples)})");

    private static string Noun(RecordKind kind, long n) => kind switch
    {
        RecordKind.Person => n == 1 ? "person" : "people",
        RecordKind.Film => n == 1 ? "film" : "films",
        _ => n == 1 ? "relationship" : "relationships",
    };

    private static string Outcome(ImportSource source, ImportReport report, bool dryRun, long rejected)
    {
        var records = $"{Count(report.Records.People, "person", "people")}, {Count(report.Records.Films, "film", "films")}, " +
                      Count(report.Records.Relationships, "relationship", "relationships");
        if (report.WholeFile)
        {
            if (!report.Succeeded)
                return $"{source.Name}: read {records}; {Count(rejected, "record", "records")} rejected, " +
                       $"{Count(report.Errors.Count, "error", "errors")}; nothing from this file was written.";
            return dryRun ? $"{source.Name}: valid ({records}); dry run, nothing written." : $"{source.Name}: imported {records}.";
        }
        var verb = dryRun ? "checked" : "read";
        var rest = report.Stopped
            ? dryRun ? "; stopped at a fault in a file."
            : report.Applied ? "; stopped at a fault in a file; the batches before it are written."
            : "; stopped at a fault in a file; nothing was written."
            : dryRun ? "; dry run, nothing written." : ".";
        var refused = rejected > 0 ? $"; {Count(rejected, "record", "records")} rejected" : "";
        return $"{source.Name}: {verb} {records}{refused}{rest}";
    }

    private static string Count(long n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");

    /// <summary>What every source read and what the store did with it, summed.</summary>
    private sealed class Totals
    {
        private WriteSummary _written = WriteSummary.Zero;
        private readonly long[] _read = new long[3];
        private readonly long[] _skipped = new long[3];
        private readonly long[] _rejected = new long[3];
        private long _unreadable;

        public void Add(ImportReport report)
        {
            _written = _written.Add(report.Summary);
            AddTo(_read, report.Records);
            AddTo(_skipped, report.SkippedRecords);
            AddTo(_rejected, report.Rejected);
            _unreadable += report.Unreadable;
        }

        private static void AddTo(long[] sums, GraphStats stats)
        {
            sums[0] += stats.People;
            sums[1] += stats.Films;
            sums[2] += stats.Relationships;
        }

        public Table Table()
        {
            var table = new Table().AddColumns("", "read", "created", "updated", "unchanged", "skipped", "rejected");
            foreach (var column in table.Columns.Skip(1)) column.RightAligned();
            AddRow(table, "people", 0, _written.People);
            AddRow(table, "films", 1, _written.Films);
            AddRow(table, "relationships", 2, _written.Relationships);
            if (_unreadable > 0) table.AddRow("unreadable", "", "", "", "", "", N(_unreadable));
            return table;
        }

        private void AddRow(Table table, string what, int kind, Counts counts) =>
            table.AddRow(what, N(_read[kind]), N(counts.Created), N(counts.Updated), N(counts.Unchanged), N(_skipped[kind]), N(_rejected[kind]));

        // The same grouping as the summary lines above the table.
        private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>What a store with nothing in it would say about a batch, without creating one.</summary>
    private sealed class EmptyStore : IGraphWriter
    {
        public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default) =>
            Task.FromResult(BatchValidator.Validate(batch, _ => null));

        public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default) =>
            throw new InvalidOperationException("A dry run writes nothing.");
    }
}
