using System.Diagnostics;
using FilmGraph.Store.Embedded;

namespace FilmGraph.Importer.Tests;

/// <summary>One run of filmgraph-import as a child process: its exit code and what it printed.</summary>
internal sealed record ImporterRun(int ExitCode, string Output, string Errors)
{
    /// <summary>
    /// Runs the importer with <paramref name="args"/>, without the store settings of the test's own environment;
    /// <paramref name="storeVariable"/> sets FilmGraph__Embedded__Path, <paramref name="workingDirectory"/> where it runs.
    /// </summary>
    public static async Task<ImporterRun> StartAsync(string[] args, string? storeVariable = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var process = Process.Start(Info(args, storeVariable, environment, workingDirectory))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ImporterRun(process.ExitCode, await output, await errors);
    }

    public static ProcessStartInfo Info(string[] args, string? storeVariable = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add(ImporterDll.Path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove(EmbeddedStoreOptions.PathVariable);
        if (storeVariable is not null) start.Environment[EmbeddedStoreOptions.PathVariable] = storeVariable;
        start.Environment.Remove("FilmGraph__Store");
        foreach (var name in new[] { "NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }
}
