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
        Skip.If(NodeScript.Node is null, "node is not on PATH.");

        var (exitCode, output, errors) = await NodeScript.RunAsync(Folder, "explorer.mjs", [server.Client.Http.BaseAddress!.ToString().TrimEnd('/')],
            TimeSpan.FromSeconds(90), new Dictionary<string, string> { ["CHROMIUM_PATH"] = chromium });
        Assert.True(exitCode == 0, $"explorer.mjs exited with {exitCode}:{Environment.NewLine}{output}{errors}");
        Assert.Contains("explorer: all steps passed", output);
    }
}
