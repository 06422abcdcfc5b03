using System.Net;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Protocol;

/// <summary>The server's error codes, paths and extensions, as the exceptions carry them.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class ErrorTests(FilmGraphApi api)
{
    private readonly FilmGraphClient _client = api.Client();

    [Fact]
    public async Task An_unknown_id_is_NOT_FOUND_at_its_field()
    {
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.CoStarChainAsync("nobody", "ryan-gosling"));
        Assert.Equal(FilmGraphCodes.NotFound, e.Code);
        Assert.Equal(["coStarChain"], e.Path!);
        Assert.Contains("nobody", e.Message);
        Assert.Equal(FilmGraphCodes.NotFound, e.Extensions["code"].GetString());

        Assert.Equal(FilmGraphCodes.NotFound, (await Assert.ThrowsAsync<FilmGraphException>(() => _client.GetPersonAsync("nobody"))).Code);
    }

    [Fact]
    public async Task An_argument_out_of_range_is_BAD_USER_INPUT_naming_it()
    {
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.CoStarChainsAsync("emma-stone", "ryan-gosling", maxHops: 13));
        Assert.Equal(FilmGraphCodes.BadUserInput, e.Code);
        Assert.Equal("maxHops", e.Extensions["argument"].GetString());

        var blank = await Assert.ThrowsAsync<FilmGraphException>(() => _client.SearchAsync(" "));
        Assert.Equal((FilmGraphCodes.BadUserInput, "text"), (blank.Code, blank.Extensions["argument"].GetString()));
    }

    [Fact]
    public async Task A_document_that_does_not_validate_is_a_400_with_the_validation_code()
    {
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => _client.QueryAsync<object>("{ person(id: \"emma-stone\") { shoeSize } }"));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", e.Code);
        Assert.Null(e.PartialData);
    }

    [Fact]
    public async Task Something_that_is_no_GraphQL_answer_is_said_so()
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.Address, "/healthz/") };
        var e = await Assert.ThrowsAsync<FilmGraphException>(() => new FilmGraphClient(http).SearchAsync("emma"));
        Assert.Null(e.Code);
        Assert.Empty(e.Errors);
        Assert.Contains("not a GraphQL answer", e.Message);
    }
}
