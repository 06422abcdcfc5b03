using System.Text.Json;
using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>data/la-la-land.json loads cleanly, loads again as a no-op, and says what the seed article says.</summary>
public sealed class SampleDataTests
{
    private static readonly WriteSummary AllCreated = new(new Counts(8, 0, 0), new Counts(5, 0, 0), new Counts(16, 0, 0));
    private static readonly WriteSummary AllUnchanged = new(new Counts(0, 0, 8), new Counts(0, 0, 5), new Counts(0, 0, 16));

    [Fact]
    public async Task The_sample_loads_cleanly_into_a_new_store()
    {
        await using var temp = await TempStore.OpenAsync();

        var report = await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());

        Assert.Empty(report.Errors);
        Assert.True(report.Applied);
        Assert.Equal(AllCreated, report.Summary);
        Assert.Equal(new GraphStats(8, 5, 16), report.Records);
    }

    [Fact]
    public async Task Importing_the_sample_again_changes_nothing()
    {
        await using var temp = await TempStore.OpenAsync();
        await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());
        var before = RepoFiles.Fingerprint(temp.File);

        var again = await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());

        Assert.Empty(again.Errors);
        Assert.Equal(AllUnchanged, again.Summary);
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        await using var temp = await TempStore.OpenAsync();
        var before = RepoFiles.Fingerprint(temp.File);

        var report = await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions(DryRun: true));

        Assert.Empty(report.Errors);
        Assert.False(report.Applied);
        Assert.Equal(WriteSummary.Zero, report.Summary);
        Assert.Equal(new GraphStats(8, 5, 16), report.Records);
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
        Assert.Equal(AllCreated, (await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions())).Summary);
    }

    [Fact]
    public async Task The_sample_holds_the_casting_story_of_la_la_land()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());
        var store = temp.Store;

        var credits = (await store.FilmCreditsAsync("la-la-land-2016", null))
            .Select(c => (c.Person.Id, c.Type, c.Properties.Role, c.Properties.Reason)).ToList();
        Assert.Equal(
        [
            ("emma-stone", RelationshipType.CastIn, "Mia", null),
            ("john-legend", RelationshipType.CastIn, "Keith", null),
            ("ryan-gosling", RelationshipType.CastIn, "Sebastian", null),
            ("emma-watson", RelationshipType.DroppedFrom, "Mia", "Scheduling conflicts with Beauty and the Beast."),
            ("miles-teller", RelationshipType.DroppedFrom, "Sebastian", "The director decided he wasn't right for the role."),
            ("damien-chazelle", RelationshipType.Directed, null, null),
            ("justin-hurwitz", RelationshipType.Composed, null, null),
        ], credits);

        var replacements = await store.ReplacementsAsync("la-la-land-2016");
        Assert.Equal(
            [("emma-watson", "emma-stone", "Mia"), ("miles-teller", "ryan-gosling", "Sebastian")],
            replacements.Select(r => (r.Dropped.Id, r.Cast.Id, r.Role)));

        var beast = (await store.FilmCreditsAsync("beauty-and-the-beast-2017", null))
            .Select(c => (c.Person.Id, c.Type, c.Properties.Reason)).ToList();
        Assert.Equal(
            [("emma-watson", RelationshipType.CastIn, null), ("ryan-gosling", RelationshipType.DroppedFrom, "He was working on La La Land.")],
            beast);

        Assert.Equal(
            [("miles-teller", RelationshipType.CastIn), ("damien-chazelle", RelationshipType.Directed)],
            (await store.FilmCreditsAsync("whiplash-2014", null)).Select(c => (c.Person.Id, c.Type)));

        var conflict = Assert.Single(await store.ConflictsAsync("miles-teller"));
        Assert.Equal("damien-chazelle", conflict.Other.Id);
        Assert.True(conflict.Outgoing);
        Assert.Equal("la-la-land-2016", conflict.Context?.Id);
        Assert.False(string.IsNullOrWhiteSpace(conflict.Description));
    }

    [Fact]
    public async Task The_sample_gives_the_chains_the_api_promises()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());
        var store = temp.Store;

        var chains = await store.ShortestChainsAsync(new ChainQuery { From = "emma-stone", To = "ryan-gosling" }, 10);
        Assert.Equal(
            ["crazy-stupid-love-2011", "gangster-squad-2013", "la-la-land-2016"],
            chains.Select(c => Assert.Single(c.Links).Film.Id));

        Assert.Empty(await store.ShortestChainsAsync(new ChainQuery { From = "emma-watson", To = "ryan-gosling" }, 10));
        var withDrops = new ChainQuery
        {
            From = "emma-watson", To = "ryan-gosling", Via = [RelationshipType.CastIn, RelationshipType.DroppedFrom],
        };
        Assert.Equal(1, await store.SeparationAsync(withDrops));
    }

    [SkippableFact]
    public async Task Every_relationship_has_a_source_and_every_quote_is_in_the_article()
    {
        Skip.IfNot(File.Exists(RepoFiles.Article),
            $"The seed article is not at {RepoFiles.Article}; set FILMGRAPH_SEED_ARTICLE to check the quotes against it.");
        var article = await File.ReadAllTextAsync(RepoFiles.Article);
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(RepoFiles.Sample));

        var quoted = 0;
        foreach (var relationship in sample.RootElement.GetProperty("relationships").EnumerateArray())
        {
            var source = relationship.GetProperty("source");
            var document = source.GetProperty("document").GetString();
            Assert.False(string.IsNullOrWhiteSpace(document));
            if (document != "la-la-land-article.txt") continue;
            var quote = source.GetProperty("quote").GetString()!;
            Assert.True(article.Contains(quote, StringComparison.Ordinal), $"Not in the article: {quote}");
            quoted++;
        }
        // Only Chazelle directing Whiplash is not in the article (see the README).
        Assert.Equal(15, quoted);
    }

    [Fact]
    public async Task Randy_kerber_is_there_as_the_pianist_whose_interpretation_gosling_copied_and_is_cast_in_nothing()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        await GraphImport.ImportFileAsync(RepoFiles.Sample, temp.Store, new ImportOptions());

        Assert.Equal("Randy Kerber", (await temp.Store.GetPersonAsync("randy-kerber"))?.Name);
        Assert.Empty(await temp.Store.PersonCreditsAsync("randy-kerber", null));
        var composed = Assert.Single(await temp.Store.PersonCreditsAsync("justin-hurwitz", [RelationshipType.Composed]));
        Assert.Contains("Randy Kerber", composed.Properties.Description);
        Assert.Contains("Randy Kerber's interpretation", composed.Properties.Source?.Quote);
    }
}
