using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The real API, composed as Program.cs composes it, listening on 127.0.0.1 over a temporary store file that it
/// seeds from the repository's data/la-la-land.json on start.
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    public const string GraphQLResponse = "application/graphql-response+json";

    private readonly string _directory = Directory.CreateTempSubdirectory("filmgraph-api-").FullName;
    private WebApplication? _app;

    private readonly HttpClient _http = new();

    public GraphQLClient Client => new(_http);

    /// <summary>The running instance's services (its schema, its store host).</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The server has not started.")).Services;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        _app = await StartAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:Seed:Path"] = Path.Combine(RepositoryRoot, "data", "la-la-land.json"),
        });
        _http.BaseAddress = new Uri(Address(_app));
    }

    /// <summary>As <see cref="StartAsync"/>, with a client for it; disposing it stops the instance.</summary>
    public async Task<StartedApi> StartApiAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        new(await StartAsync(settings, configure));

    /// <summary>
    /// Starts an instance over a fresh store in this fixture's folder, with the given settings on top, and whatever
    /// <paramref name="configure"/> adds (a logger provider, say) before it is built.
    /// </summary>
    public Task<WebApplication> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        ApiHost.StartAsync(_directory, settings, configure: configure);

    public static string Address(WebApplication app) => ApiHost.Address(app);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await ApiHost.StopAsync(_app is null ? [] : [_app], _directory);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FilmGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds FilmGraph.sln.");
    }
}

/// <summary>Requests to one running API.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>POSTs a GraphQL request and returns the status, the media type and the parsed body.</summary>
    public async Task<GraphQLAnswer> PostAsync(string query, object? variables = null, string? accept = null, string? operationName = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return await SendAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"), accept);
    }

    public async Task<GraphQLAnswer> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(request);
    }

    /// <summary>A request as the test built it, headers and all.</summary>
    public async Task<GraphQLAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, response.Content.Headers, text);
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var answer = await PostAsync(query, variables);
        Assert.Equal(200, answer.Status);
        Assert.True(answer.Json["errors"] is null, $"unexpected errors: {answer.Json["errors"]?.ToJsonString()}");
        return answer.Json["data"]!;
    }

}

public sealed record GraphQLAnswer(int Status, string? MediaType, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public JsonNode Error => Json["errors"]![0]!;

    public string? Code => (string?)Error["extensions"]?["code"];
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}

public static class JsonAssert
{
    /// <summary>Structural equality of two JSON texts, with both shown on failure.</summary>
    public static void Equal(string expected, JsonNode? actual)
    {
        var want = JsonNode.Parse(expected);
        var options = new JsonSerializerOptions { WriteIndented = true };
        Assert.True(JsonNode.DeepEquals(want, actual),
            $"expected:{Environment.NewLine}{want?.ToJsonString(options)}{Environment.NewLine}actual:{Environment.NewLine}{actual?.ToJsonString(options)}");
    }
}
