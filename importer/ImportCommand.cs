using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Store.Embedded;
using Spectre.Console;

namespace FilmGraph.Importer;

internal static class ImportCommand
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> files, string storePath, bool dryRun, CancellationToken ct)
    {
        var missing = files.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
            Console.Error.WriteLine(file.StartsWith('-') ? $"filmgraph-import: unknown option '{file}'." : $"filmgraph-import: {file}: no such file.");
        if (missing.Count > 0) return UsageError;

        IGraphWriter writer;
        IAsyncDisposable? opened = null;
        if (dryRun && !File.Exists(storePath))
        {
            // Opening would create the file; a dry run leaves the disk as it found it.
            Console.WriteLine($"Store {storePath} does not exist yet; checking against an empty store.");
            writer = new EmptyStore();
        }
        else
        {
            try
            {
                var store = await EmbeddedGraphStore.OpenAsync(
                    new EmbeddedStoreOptions { Path = storePath, BuildIndex = false, ExternalChangePoll = TimeSpan.Zero }, ct);
                writer = store;
                opened = store;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
                                          or Microsoft.Data.Sqlite.SqliteException)
            {
                Console.Error.WriteLine($"filmgraph-import: cannot open store {storePath}: {e.Message}");
                return UsageError;
            }
        }

        try
        {
            return await ImportAllAsync(files, writer, dryRun, ct);
        }
        finally
        {
            if (opened is not null) await opened.DisposeAsync();
        }
    }

    private static async Task<int> ImportAllAsync(IReadOnlyList<string> files, IGraphWriter writer, bool dryRun, CancellationToken ct)
    {
        var exitCode = Success;
        var written = WriteSummary.Zero;
        long people = 0, films = 0, relationships = 0;
        foreach (var file in files)
        {
            ImportReport report;
            try
            {
                report = await GraphImport.ImportFileAsync(file, writer, new ImportOptions(dryRun), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"filmgraph-import: {file}: {e.Message}");
                exitCode = Math.Max(exitCode, UsageError);
                continue;
            }
            foreach (var error in report.Errors) Console.Error.WriteLine(error);
            people += report.Records.People;
            films += report.Records.Films;
            relationships += report.Records.Relationships;
            written = written.Add(report.Summary);
            Console.WriteLine(Outcome(file, report, dryRun));
            if (!report.Succeeded) exitCode = Math.Max(exitCode, InvalidInput);
        }
        AnsiConsole.Write(CountsTable(written, people, films, relationships));
        return exitCode;
    }

    private static string Outcome(string file, ImportReport report, bool dryRun)
    {
        var records = $"{Count(report.Records.People, "person", "people")}, {Count(report.Records.Films, "film", "films")}, " +
                      Count(report.Records.Relationships, "relationship", "relationships");
        if (!report.Succeeded)
            return $"{file}: {Count(report.Errors.Count, "error", "errors")}; nothing from this file was written.";
        return dryRun ? $"{file}: valid ({records}); dry run, nothing written." : $"{file}: imported {records}.";
    }

    private static string Count(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static Table CountsTable(WriteSummary written, long people, long films, long relationships)
    {
        var table = new Table().AddColumns("", "read", "created", "updated", "unchanged");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        AddRow(table, "people", people, written.People);
        AddRow(table, "films", films, written.Films);
        AddRow(table, "relationships", relationships, written.Relationships);
        return table;
    }

    private static void AddRow(Table table, string what, long read, Counts counts) =>
        table.AddRow(what, read.ToString(), counts.Created.ToString(), counts.Updated.ToString(), counts.Unchanged.ToString());

    /// <summary>What a store with nothing in it would say about a batch, without creating one.</summary>
    private sealed class EmptyStore : IGraphWriter
    {
        public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default) =>
            Task.FromResult(BatchValidator.Validate(batch, _ => null));

        public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default) =>
            throw new InvalidOperationException("A dry run writes nothing.");
    }
}
