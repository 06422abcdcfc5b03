using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace FilmGraph.Api.Tests;

/// <summary>An instance a test started with settings of its own, and a client for it.</summary>
public sealed class StartedApi(WebApplication app) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(ApiServer.Address(app)) };

    public WebApplication App => app;

    public GraphQLClient Client => new(_http);

    /// <summary>A POST of <paramref name="query"/> to /graphql, for a test to add headers to.</summary>
    public static HttpRequestMessage Post(string query) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
