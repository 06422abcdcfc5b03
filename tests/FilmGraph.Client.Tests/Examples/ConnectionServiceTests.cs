using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FilmGraph.Client.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Client.Tests.Examples;

/// <summary>examples/ConnectionService as it ships, on a port of its own, asking the real FilmGraph API on another.</summary>
[Collection(FilmGraphApiCollection.Name)]
public sealed class ConnectionServiceTests(FilmGraphApi api) : IAsyncLifetime
{
    private WebApplication _service = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _service = ConnectionService.Program.Build(
            ["--urls=http://127.0.0.1:0", $"--FilmGraph:Uri={api.Address}", "--Logging:LogLevel:Default=Warning"]);
        await _service.StartAsync();
        var address = _service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.StopAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Two_people_are_connected_by_the_films_between_them()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/connection?from=emma-stone&to=ryan-gosling");
        Assert.True(answer.GetProperty("connected").GetBoolean());
        Assert.Equal(1, answer.GetProperty("films").GetInt32());
        Assert.Equal("Emma Stone was in Crazy, Stupid, Love (2011) with Ryan Gosling.", answer.GetProperty("summary").GetString());
        var step = Assert.Single(answer.GetProperty("steps").EnumerateArray());
        Assert.Equal("Crazy, Stupid, Love (2011)", step.GetProperty("film").GetString());
    }

    [Fact]
    public async Task People_no_chain_links_are_not_connected()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/connection?from=emma-watson&to=ryan-gosling");
        Assert.False(answer.GetProperty("connected").GetBoolean());
        Assert.Empty(answer.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_person_is_404_and_a_missing_one_400()
    {
        using var unknown = await _http.GetAsync("/connection?from=nobody&to=ryan-gosling");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nobody", await unknown.Content.ReadAsStringAsync());

        using var missing = await _http.GetAsync("/connection?from=emma-stone");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
