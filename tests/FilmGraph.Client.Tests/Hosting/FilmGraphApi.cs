using FilmGraph.Api.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Client.Tests.Hosting;

/// <summary>
/// The real FilmGraph API on 127.0.0.1, started as the API tests start it (<see cref="ApiHost"/>) over a fresh store
/// seeded from data/la-la-land.json, with <see cref="Key"/> configured for writes; more instances with settings of
/// their own on demand. Clients come from <c>AddFilmGraphClient</c>, as an application would make them.
/// </summary>
public sealed class FilmGraphApi : IAsyncLifetime
{
    public const string Key = "client-tests-key-0123456789";

    private readonly string _directory = Directory.CreateTempSubdirectory("filmgraph-client-").FullName;
    private readonly List<WebApplication> _apps = [];
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The shared instance: read-only tests use it; a test that writes or counts requests starts its own.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync() => Address = await StartAsync();

    /// <summary>Starts another instance with these settings over the defaults, and returns its address.</summary>
    public async Task<Uri> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["FilmGraph:Seed:Path"] = Path.Combine(ApiServer.RepositoryRoot, "data", "la-la-land.json"),
            ["FilmGraph:Auth:ApiKeys:0"] = Key,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) all[name] = value;
        var app = await ApiHost.StartAsync(_directory, all);
        lock (_apps) _apps.Add(app);
        return new Uri(ApiHost.Address(app));
    }

    /// <summary>A client made by <c>AddFilmGraphClient</c>, writing its exchanges to <paramref name="log"/> when given.</summary>
    public FilmGraphClient Client(Uri? address = null, string? key = null, Action<FilmGraphClientOptions>? configure = null, RequestLog? log = null)
    {
        var services = new ServiceCollection();
        var http = services.AddFilmGraphClient(address ?? Address, key, configure);
        if (log is not null) http.AddHttpMessageHandler(log.Handler);
        var provider = services.BuildServiceProvider();
        lock (_providers) _providers.Add(provider);
        return provider.GetRequiredService<FilmGraphClient>();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await ApiHost.StopAsync(_apps, _directory);
    }
}

[CollectionDefinition(Name)]
public sealed class FilmGraphApiCollection : ICollectionFixture<FilmGraphApi>
{
    public const string Name = "filmgraph-api";
}
