using System.Diagnostics;
using FilmGraph.Bench;
using FilmGraph.Core;
using FilmGraph.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// The real API on 127.0.0.1 over a larger graph than the seed: the bench's synthetic generator (fixed seed) at
/// <see cref="Size"/>, written once through the store into a temporary file, which every instance a test starts
/// (<see cref="StartAsync"/>) serves too. Shared by the attack tests' collection, so they run one at a time and
/// their timings and memory figures are their own.
/// </summary>
public sealed class BigGraphServer : IAsyncLifetime
{
    /// <summary>About 330,000 relationships: big enough that a walk from a well-connected person is real work.</summary>
    public static readonly GraphSize Size = new("attack", People: 30_000, Films: 9_000, CastLinks: 300_000);

    private readonly string _directory = Directory.CreateTempSubdirectory("filmgraph-attack-").FullName;
    private readonly List<WebApplication> _apps = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private Task<Uri>? _outerLimitsLifted;

    public string StorePath => Path.Combine(_directory, "graph.db");

    /// <summary>A client of the instance started with the defaults.</summary>
    public GraphQLClient Client => new(_http);

    public Uri Address => _http.BaseAddress!;

    /// <summary>The person with the most credits: a hub, in about half the films.</summary>
    public string BestConnected { get; private set; } = "";

    /// <summary>A well-known person: in the top 1% by credits, not a hub in half the films as the best-connected are.</summary>
    public string WellKnown { get; private set; } = "";

    /// <summary>An ordinary person (one credit or two), for the lookups made while an attack is in flight.</summary>
    public string Ordinary { get; private set; } = "";

    public int Relationships { get; private set; }

    /// <summary>Generating and writing the graph, and opening the API over it.</summary>
    public TimeSpan SetupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var graph = SyntheticGraph.Generate(Size, seed: 42);
        var settings = new StoreSettings { Embedded = { Path = StorePath, ExternalChangePoll = TimeSpan.Zero } };
        await using (var store = await GraphStores.OpenAsync(settings.WriteOnly(), CancellationToken.None))
            foreach (var batch in graph.Batches(50_000))
                await store.WriteAsync(batch);
        Relationships = graph.Credits.Length;
        var credits = new int[Size.People];
        foreach (var (person, _, _) in graph.Credits) credits[person]++;
        var ranked = Enumerable.Range(0, Size.People).OrderByDescending(p => credits[p]).ThenBy(p => p).ToArray();
        BestConnected = SyntheticGraph.PersonId(ranked[0]);
        WellKnown = SyntheticGraph.PersonId(ranked[Size.People / 100]);
        Ordinary = SyntheticGraph.PersonId(ranked[Size.People / 2]);

        var app = await StartAsync(new Dictionary<string, string?>());
        _http.BaseAddress = new Uri(ApiHost.Address(app));
        // Warm-up: the first answer of each kind pays for compiling its code; the tests time a running server.
        await Client.PostAsync(AttackQueries.Explorer(Ordinary, WellKnown));
        await Client.PostAsync(AttackQueries.FragmentBomb(20));
        SetupTime = clock.Elapsed;
    }

    /// <summary>
    /// An instance whose outer limits (body size, query length, tokens) are lifted far out of the way, so that a
    /// document too big for them reaches the checks behind: fields, aliases, directives, variables, depth.
    /// </summary>
    public Task<Uri> OuterLimitsLiftedAsync() => _outerLimitsLifted ??= StartOuterLimitsLiftedAsync();

    private async Task<Uri> StartOuterLimitsLiftedAsync() => new(ApiHost.Address(await StartAsync(new Dictionary<string, string?>
    {
        ["FilmGraph:Limits:MaxBodyBytes"] = $"{64 << 20}",
        ["FilmGraph:Limits:MaxQueryLength"] = $"{32 << 20}",
        ["FilmGraph:Limits:MaxTokens"] = "100000000",
    })));

    /// <summary>
    /// Another instance over the same graph, with <paramref name="settings"/> (e.g. <c>FilmGraph:Limits:*</c>) on top;
    /// stopped with the fixture. <paramref name="services"/> and <paramref name="pipeline"/> let a test observe it.
    /// </summary>
    public async Task<WebApplication> StartAsync(IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null, Action<WebApplication>? pipeline = null)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["FilmGraph:Embedded:Path"] = StorePath,
            ["FilmGraph:Seed:Enabled"] = "false",
        };
        var app = await ApiHost.StartAsync(_directory, all, services, pipeline);
        _apps.Add(app);
        return app;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await ApiHost.StopAsync(_apps, _directory);
    }
}
