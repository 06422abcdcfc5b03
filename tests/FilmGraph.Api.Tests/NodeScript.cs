using System.Diagnostics;

namespace FilmGraph.Api.Tests;

/// <summary>Runs a node script of the test project's own (browser/, audit/) and returns what it printed.</summary>
public static class NodeScript
{
    /// <summary>node on PATH, or null.</summary>
    public static string? Node { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "node"))
        .FirstOrDefault(File.Exists);

    /// <summary>
    /// Runs <c>node script args</c> in <paramref name="folder"/>; a script still running after
    /// <paramref name="timeout"/> is killed and is a TimeoutException with what it had printed.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string folder, string script, IEnumerable<string> args,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Node ?? throw new InvalidOperationException("node is not on PATH."))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in {timeout.TotalSeconds} s.{Environment.NewLine}{await output}{await errors}");
        }
        return (process.ExitCode, await output, await errors);
    }
}
