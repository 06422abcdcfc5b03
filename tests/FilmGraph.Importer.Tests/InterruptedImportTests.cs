using System.Diagnostics;
using System.Globalization;
using System.Text;
using FilmGraph.Contract;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Importer.Tests;

/// <summary>
/// filmgraph-import killed in the middle of an import, then run again, leaves the same store as an import that was
/// never interrupted: the batches written before the kill stand, and the re-run completes the rest. On both write paths:
/// the bulk one (into an empty store, what the importer takes by itself) leaves a killed file without its index by
/// source, and the store it completes must still equal the one the row-by-row path writes uninterrupted.
/// </summary>
public sealed class InterruptedImportTests : IDisposable
{
    private const int People = 30_000;
    private const int Films = 12_000;
    private const int CastPerFilm = 20;
    private const int BatchSize = 500;

    private readonly TempStorePath _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public async Task A_killed_import_run_again_gives_the_same_store_as_one_never_interrupted(string bulk)
    {
        var files = WriteImdbFiles(Path.Combine(_temp.Directory, "imdb"));
        var interrupted = Path.Combine(_temp.Directory, "interrupted.db");
        var whole = Path.Combine(_temp.Directory, "whole.db");

        var expected = (long)Films * CastPerFilm;
        // Kill once some relationships are committed, so that the kill falls inside the relationship batches. A test
        // process held up on a busy machine can look too late, when the import is done: then it starts again afresh.
        long partial = 0;
        for (var attempt = 0; attempt < 3 && partial is 0 or >= Films * CastPerFilm; attempt++)
        {
            foreach (var file in Directory.EnumerateFiles(_temp.Directory, "interrupted.db*")) File.Delete(file);
            using var import = Start(files, interrupted, bulk);
            var clock = Stopwatch.StartNew();
            while (Edges(interrupted) == 0 && !import.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
            partial = Edges(interrupted);
        }
        Assert.InRange(partial, 1, expected - 1);

        using (var rerun = Start(files, interrupted, bulk)) Assert.Equal(0, await ExitCodeAsync(rerun));
        using (var once = Start(files, whole, "off")) Assert.Equal(0, await ExitCodeAsync(once));

        var after = StoreDigest.Of(interrupted);
        Assert.Equal(new StoreDigest(People + Films, expected, after.Digest), after);
        Assert.Equal(StoreDigest.Of(whole), after);
        // Node numbers too, and the index by source that a killed bulk import had dropped.
        Assert.Equal(StoreDigest.Rows(whole), StoreDigest.Rows(interrupted));
    }

    private static Process Start(string[] files, string store, string bulk)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ImporterDll.Path);
        foreach (var file in files) start.ArgumentList.Add(file);
        foreach (var arg in new[] { "--store", store, "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture), "--bulk", bulk })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> ExitCodeAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static long Edges(string store)
    {
        if (!File.Exists(store)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM edges";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Created but without its tables yet.
            return 0;
        }
    }

    /// <summary>IMDb-shaped files, the same every time: every film with its cast drawn from all people.</summary>
    private static string[] WriteImdbFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(5);
        string[] files = [Path.Combine(directory, "name.basics.tsv"), Path.Combine(directory, "title.basics.tsv"), Path.Combine(directory, "title.principals.tsv")];
        using (var names = Writer(files[0]))
        {
            names.Write("nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n");
            for (var p = 0; p < People; p++) names.Write($"nm{p:D7}\tPerson {p}\t{1900 + p % 100}\t\\N\tactor\t\\N\n");
        }
        using (var titles = Writer(files[1]))
        {
            titles.Write("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n");
            for (var f = 0; f < Films; f++) titles.Write($"tt{f:D7}\tmovie\tFilm {f}\tFilm {f}\t0\t{1950 + f % 70}\t\\N\t\\N\t\\N\n");
        }
        using (var principals = Writer(files[2]))
        {
            principals.Write("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n");
            for (var f = 0; f < Films; f++)
            {
                var cast = new SortedSet<int>();
                while (cast.Count < CastPerFilm) cast.Add(random.Next(People));
                var ordering = 0;
                foreach (var p in cast) principals.Write($"tt{f:D7}\t{++ordering}\tnm{p:D7}\tactor\t\\N\t[\"Role {p % 50}\"]\n");
            }
        }
        return files;
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16);
}
