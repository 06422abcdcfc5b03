namespace FilmGraph.Stores.Tests;

/// <summary>The words the importer prints first and the errors name a store in: enough to check, no password.</summary>
public sealed class StoreDescriptionTests
{
    [Fact]
    public void An_embedded_store_is_named_by_its_absolute_file()
    {
        var settings = new StoreSettings { Embedded = { Path = "relative.db" } };

        Assert.Equal($"embedded store {Path.GetFullPath("relative.db")}", StoreDescription.Of(settings));
    }

    [Fact]
    public void A_Neo4j_store_is_named_by_its_address_database_and_user_without_the_password()
    {
        var settings = new StoreSettings { Store = "neo4j", Neo4j = { Uri = "neo4j://reader:s3cret@db.example:7687", Database = "films", Password = "s3cret" } };

        var description = StoreDescription.Of(settings);

        Assert.Equal("Neo4j store neo4j://db.example:7687, database films, user neo4j", description);
        Assert.DoesNotContain("s3cret", description);
    }

    [Theory]
    [InlineData("bolt://localhost:7687", "bolt://localhost:7687")]
    [InlineData("bolt+s://user:pa%22ss@host:7687", "bolt+s://host:7687")]
    [InlineData("not a uri", "not a uri")]
    public void User_information_is_taken_out_of_an_address(string uri, string shown) =>
        Assert.Equal(shown, StoreDescription.WithoutPassword(uri));

    [Fact]
    public async Task An_unreachable_server_s_error_names_it_without_the_password()
    {
        var settings = new StoreSettings { Store = "neo4j", Neo4j = { Uri = "bolt://someone:s3cret@127.0.0.1:9" } };

        var error = await Assert.ThrowsAsync<FilmGraph.Core.GraphStoreException>(() => GraphStores.OpenAsync(settings, CancellationToken.None));

        Assert.StartsWith("Cannot open the Neo4j store at bolt://127.0.0.1:9: ", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void An_unknown_kind_is_the_same_error_opening_it_would_be() =>
        Assert.Contains("'embedded' or 'neo4j'",
            Assert.Throws<FilmGraph.Core.GraphStoreException>(() => StoreDescription.Of(new StoreSettings { Store = "mongo" })).Message);
}
