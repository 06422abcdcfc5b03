using System.Diagnostics;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The explorer page in headless Chromium (browser/explorer.mjs, with playwright-core): the example queries run, the
/// name search fills the connect form, and "how is X connected to Y" shows the chains. Skipped, with the reason,
/// where Chromium, node or the script's node_modules are missing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExplorerBrowserTests(ApiServer server)
{
    private static readonly string Folder = Path.Combine(ApiServer.RepositoryRoot, "tests", "FilmGraph.Api.Tests", "browser");

    [SkippableFact]
    public async Task The_explorer_page_works_in_a_browser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        Skip.IfNot(File.Exists(chromium), $"{chromium} is missing (apt-get install -y chromium).");
        Skip.IfNot(Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")),
            $"playwright-core is not installed (npm ci in {Path.GetRelativePath(ApiServer.RepositoryRoot, Folder)}).");
        var node = FindOnPath("node");
        Skip.If(node is null, "node is not on PATH.");

        var start = new ProcessStartInfo(node!)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CHROMIUM_PATH"] = chromium },
        };
        start.ArgumentList.Add("explorer.mjs");
        start.ArgumentList.Add(server.Client.Http.BaseAddress!.ToString().TrimEnd('/'));

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"explorer.mjs did not finish in 90 s.{Environment.NewLine}{await output}{await errors}");
        }
        Assert.True(process.ExitCode == 0, $"explorer.mjs exited with {process.ExitCode}:{Environment.NewLine}{await output}{await errors}");
        Assert.Contains("explorer: all steps passed", await output);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
