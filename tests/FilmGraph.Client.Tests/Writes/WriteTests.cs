using System.Net;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Writes;

/// <summary>The writes through the client, with the key and without, on an instance of their own.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class WriteTests(FilmGraphApi api) : IAsyncLifetime
{
    private Uri _address = null!;
    private FilmGraphClient _client = null!;

    public async Task InitializeAsync()
    {
        _address = await api.StartAsync();
        _client = api.Client(_address, FilmGraphApi.Key);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upserts_link_and_unlink_change_what_the_next_query_answers()
    {
        Assert.Equal(new WriteResult(1, 0, 0, 0), await _client.UpsertPersonAsync(new PersonInput("zoe-zed", "Zoe Zed", 1990, ["Z"])));
        Assert.Equal(new WriteResult(0, 0, 1, 0), await _client.UpsertPersonAsync(new PersonInput("zoe-zed", "Zoe Zed", 1990, ["Z"])));
        Assert.Equal(new WriteResult(0, 1, 0, 0), await _client.UpsertPersonAsync(new PersonInput("zoe-zed", "Zoe Zed", 1991, ["Z"])));
        var zoe = await _client.GetPersonAsync("zoe-zed");
        Assert.Equal(("zoe-zed", "Zoe Zed", 1991), (zoe.Id, zoe.Name, zoe.Born));
        Assert.Equal(["Z"], zoe.Aliases);

        Assert.Equal(new WriteResult(1, 0, 0, 0), await _client.UpsertFilmAsync(new FilmInput("zed-film-2020", "Zed Film", 2020)));
        Assert.Null(await _client.CoStarChainAsync("zoe-zed", "emma-stone"));

        var role = new RelationshipInput(RelationshipType.CastIn, "zoe-zed", "zed-film-2020", Role: "Zed", Source: new Source("client-tests", "made up"));
        Assert.Equal(new WriteResult(1, 0, 0, 0), await _client.LinkAsync(role));
        Assert.Equal(new WriteResult(1, 0, 0, 0), await _client.LinkAsync(new RelationshipInput(RelationshipType.CastIn, "emma-stone", "zed-film-2020")));
        var chain = await _client.CoStarChainAsync("zoe-zed", "emma-stone");
        Assert.Equal(("zed-film-2020", "Zed"), (Assert.Single(chain!.Links).Film.Id, chain.Links[0].FromRole));

        Assert.Equal(new WriteResult(0, 0, 0, 1), await _client.UnlinkAsync(RelationshipType.CastIn, "emma-stone", "zed-film-2020"));
        Assert.Equal(new WriteResult(0, 0, 1, 0), await _client.UnlinkAsync(RelationshipType.CastIn, "emma-stone", "zed-film-2020"));
        Assert.Null(await _client.CoStarChainAsync("zoe-zed", "emma-stone"));
    }

    [Fact]
    public async Task A_document_imports_whole_and_a_bad_one_reports_each_problem_with_its_line()
    {
        const string Document = """
            {
              "people": [ { "id": "ann-import", "name": "Ann Import" } ],
              "films": [ { "id": "import-film-2001", "title": "Import Film", "year": 2001 } ],
              "relationships": [ { "type": "CAST_IN", "from": "ann-import", "to": "import-film-2001" } ]
            }
            """;
        Assert.Equal(new WriteResult(3, 0, 0, 0), await _client.ImportDocumentAsync(Document));
        Assert.Equal(new WriteResult(0, 0, 3, 0), await _client.ImportDocumentAsync(Document));

        var bad = Document.Replace("\"Ann Import\"", "\"\"").Replace("\"import-film-2001\" }", "\"nowhere\" }");
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.ImportDocumentAsync(bad));
        Assert.Equal(2, e.Errors.Count);
        Assert.All(e.Errors, error => Assert.Equal(FilmGraphCodes.BadUserInput, error.Code));
        Assert.Equal([2, 4], e.Errors.Select(error => error.Extensions["line"].GetInt32()).Order());
        Assert.Contains("(and 1 more error)", e.Message);
    }

    [Fact]
    public async Task An_invalid_input_names_the_field_at_fault()
    {
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.LinkAsync(new RelationshipInput(RelationshipType.CastIn, "emma-stone", "no-such-film")));
        Assert.Equal(FilmGraphCodes.BadUserInput, e.Code);
        Assert.Equal("relationship.to", e.Extensions["argument"].GetString());
        Assert.Equal(["link"], e.Path!);
    }

    [Fact]
    public async Task A_write_without_a_key_is_UNAUTHENTICATED_and_changes_nothing()
    {
        var anonymous = api.Client(_address);
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => anonymous.UpsertPersonAsync(new PersonInput("nobody-writes", "Nobody")));
        Assert.Equal(FilmGraphCodes.Unauthenticated, e.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Contains("Authorization: Bearer", e.Message);

        var wrongKey = api.Client(_address, "not-a-key-it-knows");
        Assert.Equal(FilmGraphCodes.Unauthenticated, (await Assert.ThrowsAsync<FilmGraphException>(() => wrongKey.UnlinkAsync(RelationshipType.CastIn, "emma-stone", "la-la-land-2016"))).Code);

        Assert.Equal(FilmGraphCodes.NotFound, (await Assert.ThrowsAsync<FilmGraphException>(() => _client.GetPersonAsync("nobody-writes"))).Code);
        Assert.NotNull(await _client.CoStarChainAsync("emma-stone", "ryan-gosling", excludeFilms: ["crazy-stupid-love-2011", "gangster-squad-2013"]));
    }
}
