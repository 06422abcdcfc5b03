using FilmGraph.Bolt;
using FilmGraph.Bolt.Peer;
using FilmGraph.Core;
using FilmGraph.Formats;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>The shipped sample data through the Neo4j store's write path, answered by <see cref="InMemoryNeo4j"/>.</summary>
public sealed class SampleDataTests
{
    [Fact]
    public async Task The_sample_data_imports_in_small_statements_and_again_changes_nothing()
    {
        var file = RepoPaths.At("data", "la-la-land.json");
        await using var peer = ScriptedPeer.StartAnswering(new InMemoryNeo4j().Answer);
        await using var store = Neo4jGraphStore.Connect(new Neo4jStoreOptions { Uri = peer.Uri(), Username = "", BatchSize = 3 },
            new BoltDriverOptions { MaxTransactionRetryTime = TimeSpan.FromSeconds(2) });

        var first = await GraphImport.ImportFileAsync(file, store, new ImportOptions());
        Assert.True(first.Applied, string.Join("\n", first.Errors));
        Assert.Equal(0, first.Summary.People.Updated + first.Summary.People.Unchanged);
        Assert.True(first.Summary.Relationships.Created > 0);

        var again = await GraphImport.ImportFileAsync(file, store, new ImportOptions());
        Assert.True(again.Applied);
        Assert.Equal(0, again.Summary.People.Created + again.Summary.People.Updated);
        Assert.Equal(0, again.Summary.Films.Created + again.Summary.Films.Updated);
        Assert.Equal(0, again.Summary.Relationships.Created + again.Summary.Relationships.Updated);
        Assert.Equal(first.Summary.Relationships.Total, again.Summary.Relationships.Unchanged);

        var stats = await store.StatsAsync();
        Assert.Equal(first.Summary.People.Created, stats.People);
        Assert.Equal(first.Summary.Relationships.Created, stats.Relationships);
        // The article's replacements: Miles Teller by Ryan Gosling, Emma Watson by Emma Stone.
        var replacements = await store.ReplacementsAsync("la-la-land-2016");
        Assert.Contains(replacements, r => (r.Dropped.Id, r.Cast.Id) == ("miles-teller", "ryan-gosling"));
        Assert.Contains(replacements, r => (r.Dropped.Id, r.Cast.Id) == ("emma-watson", "emma-stone"));
    }
}
