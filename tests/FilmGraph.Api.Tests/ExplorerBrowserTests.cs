using System.Globalization;
using FilmGraph.Api.Hosting;
using FilmGraph.Formats;
using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The explorer page in headless Chromium (browser/*.mjs, with playwright-core), against the real API on 127.0.0.1:
/// on the sample data the whole walk a person takes, and on the IMDb sample that a common first name and namesakes
/// come out right. Screenshots at 1366×900 and 390×844 go to the test output (screenshots/). Any console error,
/// failed request or HTTP error fails a test. Skipped, with the reason, where Chromium, node or the scripts'
/// node_modules are missing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExplorerBrowserTests(ApiServer server)
{
    private static readonly string Folder = Path.Combine(ApiServer.RepositoryRoot, "tests", "FilmGraph.Api.Tests", "browser");
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
    private static readonly string ImdbSample = Path.GetFullPath(Path.Combine(ApiServer.RepositoryRoot, "..", "shared", "data", "imdb-sample"));

    [SkippableFact]
    public async Task The_explorer_page_works_in_a_browser()
    {
        SkipWithoutBrowser();
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        await RunAsync("explorer.mjs", [Base(server.Client.Http), shots], "explorer: all steps passed");
        foreach (var shot in new[] { "explorer-1366x900.png", "explorer-390x844.png" })
            Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 10_000, $"{shot} is missing or empty");
    }

    /// <summary>
    /// The IMDb sample holds no Ryan Gosling, so "Ryan" must put the sample's most credited Ryan, counted here from
    /// the TSV files, among the first five; and two pairs of namesakes must read differently in the suggestions.
    /// </summary>
    [SkippableFact]
    public async Task On_the_IMDb_sample_Ryan_and_namesakes_come_out_right()
    {
        SkipWithoutBrowser();
        Skip.IfNot(Directory.Exists(ImdbSample), $"The IMDb sample is not at {ImdbSample}.");
        var names = File.ReadLines(Path.Combine(ImdbSample, "name.basics.tsv")).Skip(1).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        Assert.DoesNotContain("Ryan Gosling", names.Values);
        var credits = File.ReadLines(Path.Combine(ImdbSample, "title.principals.tsv")).Skip(1).Select(l => l.Split('\t')[2])
            .Where(names.ContainsKey).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ryans = names.Where(n => n.Value.StartsWith("Ryan ", StringComparison.Ordinal))
            .Select(n => (n.Value, Credits: credits.GetValueOrDefault(n.Key))).OrderByDescending(r => r.Credits).ToList();
        Assert.True(ryans[0].Credits > ryans[1].Credits, "the sample has no single most credited Ryan");
        // Told apart by known-for films (one credit each, on different films) and by a birth year (1960 and unknown).
        string[] namesakes = ["Ryan Wood", "Simon Crane"];
        foreach (var name in namesakes) Assert.Equal(2, names.Values.Count(v => v == name));

        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:Seed:Enabled"] = "false" });
        var store = api.App.Services.GetRequiredService<GraphStoreHost>().Store;
        string[] files = [.. new[] { "name.basics.tsv", "title.basics.tsv", "title.principals.tsv" }.Select(f => Path.Combine(ImdbSample, f))];
        var report = await GraphImport.ImportAsync(new ImportSource(ImportFormat.Imdb, files), store, new ImportOptions());
        Assert.Empty(report.Errors);

        await RunAsync("imdb.mjs", [Base(api.Client.Http), ryans[0].Value, .. namesakes], "imdb: all steps passed");
    }

    [SkippableFact]
    public async Task The_count_line_states_every_shortest_chain_when_it_shows_ten()
    {
        SkipWithoutBrowser();
        const int films = 12;
        var seed = Path.Combine(Path.GetTempPath(), $"filmgraph-twelve-{Guid.NewGuid():N}.json");
        var document = new
        {
            people = new[] { new { id = "ann", name = "Ann Many" }, new { id = "bob", name = "Bob Many" } },
            films = Enumerable.Range(1, films).Select(i => new { id = $"film-{i:00}", title = $"Film {i}", year = 2000 + i }).ToArray(),
            relationships = Enumerable.Range(1, films).SelectMany(i => new[]
            {
                new { type = "CAST_IN", from = "ann", to = $"film-{i:00}" },
                new { type = "CAST_IN", from = "bob", to = $"film-{i:00}" },
            }).ToArray(),
        };
        await File.WriteAllTextAsync(seed, System.Text.Json.JsonSerializer.Serialize(document));
        try
        {
            await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:Seed:Path"] = seed });
            await RunAsync("count.mjs", [Base(api.Client.Http), "ann", "bob", films.ToString(CultureInfo.InvariantCulture)], "count: all steps passed");
        }
        finally
        {
            File.Delete(seed);
        }
    }

    private static void SkipWithoutBrowser()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing (apt-get install -y chromium).");
        Skip.IfNot(Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")),
            $"playwright-core is not installed (npm ci in {Path.GetRelativePath(ApiServer.RepositoryRoot, Folder)}).");
        Skip.If(NodeScript.Node is null, "node is not on PATH.");
    }

    private static string Base(HttpClient http) => http.BaseAddress!.ToString().TrimEnd('/');

    private static async Task RunAsync(string script, string[] args, string passed)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync(Folder, script, args, TimeSpan.FromSeconds(300),
            new Dictionary<string, string> { ["CHROMIUM_PATH"] = Chromium });
        Assert.True(exitCode == 0, $"{script} exited with {exitCode.ToString(CultureInfo.InvariantCulture)}:{Environment.NewLine}{output}{errors}");
        Assert.Contains(passed, output);
    }
}
