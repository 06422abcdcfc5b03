using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FilmGraph.Client.Tests.Hosting;

namespace FilmGraph.Client.Tests.Reads;

/// <summary>QueryAsync: any document, read into the caller's own types, by reflection or by generated metadata.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed partial class QueryTests(FilmGraphApi api)
{
    private readonly FilmGraphClient _client = api.Client();

    public sealed record Stats(int People, int Films, int Relationships);

    public sealed record StatsData(Stats Stats);

    public sealed record Named(string Name);

    public sealed record Pair(Named From, Named To, int? Separation);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(StatsData))]
    private sealed partial class TestJson : JsonSerializerContext;

    [Fact]
    public async Task A_document_of_the_callers_own_read_into_their_type()
    {
        var data = await _client.QueryAsync<StatsData>("{ stats { people films relationships } }");
        Assert.Equal(8, data.Stats.People);
        Assert.Equal(5, data.Stats.Films);
        Assert.True(data.Stats.Relationships > 0);

        Assert.Equal(data, await _client.QueryAsync("{ stats { people films relationships } }", TestJson.Default.StatsData));
    }

    [Fact]
    public async Task Variables_from_an_object_and_an_operation_by_name()
    {
        const string Document = """
            query Other { stats { people } }
            query Pair($a: ID!, $b: ID!) { from: person(id: $a) { name } to: person(id: $b) { name } separation(from: $a, to: $b) }
            """;
        var pair = await _client.QueryAsync<Pair>(Document, new { a = "emma-stone", b = "john-legend" }, operationName: "Pair");
        Assert.Equal(new Pair(new Named("Emma Stone"), new Named("John Legend"), 1), pair);

        var raw = await _client.QueryAsync<JsonElement>(Document, new JsonObject { ["a"] = "emma-stone", ["b"] = "emma-stone" }, "Pair");
        Assert.Equal(0, raw.GetProperty("separation").GetInt32());
    }

    [Fact]
    public async Task An_answer_with_an_error_throws_and_keeps_the_fields_that_did_not_fail()
    {
        var e = await Assert.ThrowsAsync<FilmGraphException>(() =>
            _client.QueryAsync<JsonElement>("""{ found: person(id: "emma-stone") { name } missing: person(id: "nobody") { name } }"""));
        Assert.Equal(FilmGraphCodes.NotFound, e.Code);
        Assert.Equal(["missing"], e.Path!);
        Assert.Equal("Emma Stone", e.PartialData!.Value.GetProperty("found").GetProperty("name").GetString());
    }
}
