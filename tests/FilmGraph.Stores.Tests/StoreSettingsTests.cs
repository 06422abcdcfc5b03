using FilmGraph.Core;
using FilmGraph.Store.Neo4j;
using Microsoft.Extensions.Configuration;

namespace FilmGraph.Stores.Tests;

public sealed class StoreSettingsTests
{
    private static StoreSettings Bind(Dictionary<string, string?> values) =>
        StoreSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Theory]
    [InlineData("embedded", StoreKind.Embedded)]
    [InlineData(" Neo4J ", StoreKind.Neo4j)]
    [InlineData("", StoreKind.Embedded)]
    [InlineData(null, StoreKind.Embedded)]
    public void A_kind_is_read_ignoring_case_and_space_and_nothing_means_embedded(string? name, StoreKind kind) =>
        Assert.Equal(kind, StoreKinds.Parse(name));

    [Fact]
    public void An_unknown_kind_names_the_setting_and_the_choices()
    {
        var error = Assert.Throws<GraphStoreException>(() => StoreKinds.Parse("mongo"));
        Assert.Equal("FilmGraph:Store is 'mongo'; use 'embedded' or 'neo4j'.", error.Message);
        Assert.Equal(["embedded", "neo4j"], StoreKinds.Names);
    }

    [Fact]
    public void Every_documented_key_binds()
    {
        var settings = Bind(new()
        {
            ["FilmGraph:Store"] = "neo4j",
            ["FilmGraph:Embedded:Path"] = "elsewhere.db",
            ["FilmGraph:Embedded:ExternalChangePoll"] = "00:00:00",
            ["FilmGraph:Neo4j:Uri"] = "neo4j://cluster:7687",
            ["FilmGraph:Neo4j:Database"] = "films",
            ["FilmGraph:Neo4j:BatchSize"] = "7",
        });

        Assert.Equal(StoreKind.Neo4j, settings.Kind);
        Assert.Equal("elsewhere.db", settings.Embedded.Path);
        Assert.Equal(TimeSpan.Zero, settings.Embedded.ExternalChangePoll);
        Assert.Equal("neo4j://cluster:7687", settings.Neo4j.Uri);
        Assert.Equal("films", settings.Neo4j.Database);
        Assert.Equal(7, settings.Neo4j.BatchSize);
    }

    [Fact]
    public void Without_configuration_the_defaults_hold_and_neo4j_comes_from_its_variables()
    {
        var settings = Bind([]);

        Assert.Equal(StoreKind.Embedded, settings.Kind);
        Assert.Equal("filmgraph.db", settings.Embedded.Path);
        Assert.True(settings.Embedded.BuildIndex);
        Assert.Equal(Neo4jStoreOptions.FromEnvironment().Uri, settings.Neo4j.Uri);
    }

    [Fact]
    public void An_unknown_kind_binds_and_is_refused_when_read()
    {
        var settings = Bind(new() { ["FilmGraph:Store"] = "mongo" });

        Assert.Equal("mongo", settings.Store);
        Assert.Throws<GraphStoreException>(() => settings.Kind);
    }

    [Fact]
    public void Write_only_settings_build_no_index_and_watch_for_no_one_and_leave_the_originals_alone()
    {
        var settings = Bind(new() { ["FilmGraph:Store"] = "neo4j", ["FilmGraph:Embedded:Path"] = "x.db" });

        var writeOnly = settings.WriteOnly();

        Assert.Equal(StoreKind.Neo4j, writeOnly.Kind);
        Assert.Equal("x.db", writeOnly.Embedded.Path);
        Assert.False(writeOnly.Embedded.BuildIndex);
        Assert.Equal(TimeSpan.Zero, writeOnly.Embedded.ExternalChangePoll);
        Assert.Same(settings.Neo4j, writeOnly.Neo4j);
        Assert.True(settings.Embedded.BuildIndex);
    }
}
