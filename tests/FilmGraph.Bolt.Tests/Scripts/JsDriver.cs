using System.Diagnostics;

namespace FilmGraph.Bolt.Tests.Scripts;

/// <summary>Runs js/scenario.mjs with the official neo4j-driver from npm against a scripted peer.</summary>
internal static class JsDriver
{
    private static readonly Lazy<string?> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "js");
            if (File.Exists(Path.Combine(candidate, "scenario.mjs")))
            {
                return candidate;
            }
        }
        return null;
    });

    private static readonly Lazy<string?> Node = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists));

    /// <summary>Skips the calling test, with the reason, where node or the npm packages are missing.</summary>
    public static void SkipIfUnavailable()
    {
        Skip.If(Node.Value is null, "node is not on PATH; the official JavaScript driver cannot run.");
        Skip.If(Folder.Value is null || !Directory.Exists(Path.Combine(Folder.Value, "node_modules", "neo4j-driver")),
            "neo4j-driver is not installed; run `npm ci` in tests/FilmGraph.Bolt.Tests/js.");
    }

    public static async Task<string> RunAsync(string scenario, string uri)
    {
        SkipIfUnavailable();
        var start = new ProcessStartInfo(Node.Value!, ["scenario.mjs", scenario, uri])
        {
            WorkingDirectory = Folder.Value!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The JavaScript driver did not finish scenario '{scenario}'. Output: {await stdout} {await stderr}");
        }
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"The JavaScript driver failed scenario '{scenario}': {output} {await stderr}");
        }
        return output;
    }
}
