using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using FilmGraph.Bolt;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// A Neo4j server for the live tests: the one NEO4J_URI names (its credentials from NEO4J_USERNAME and
/// NEO4J_PASSWORD), else a throwaway <c>neo4j:5</c> container when a Docker engine answers, else none, with the
/// reason. The live tests empty the database they are given: point NEO4J_URI at a scratch server only.
/// </summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    public const string Image = "neo4j:5.26-community";
    private const string ContainerPassword = "filmgraph-test";

    private IContainer? _container;

    /// <summary>Null when there is no server; <see cref="SkipReason"/> says why.</summary>
    public Neo4jStoreOptions? Options { get; private set; }

    public string SkipReason { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Neo4jStoreOptions.UriVariable) is { Length: > 0 })
        {
            Options = Neo4jStoreOptions.FromEnvironment();
            return;
        }
        try
        {
            _container = new ContainerBuilder(Image)
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7687, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Started."))
                .Build();
            await _container.StartAsync();
            Options = new Neo4jStoreOptions
            {
                Uri = $"bolt://{_container.Hostname}:{_container.GetMappedPublicPort(7687)}",
                Username = "neo4j",
                Password = ContainerPassword,
                Database = null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            SkipReason = $"No Neo4j server: NEO4J_URI is not set and no Docker engine could start {Image} ({e.GetType().Name}: {FirstLine(e.Message)}).";
            if (_container is not null) await _container.DisposeAsync();
            _container = null;
        }
    }

    /// <summary>Removes every node and relationship, for a test that needs an empty store.</summary>
    public async Task EmptyAsync()
    {
        var options = Options!;
        await using var driver = BoltDriver.Create(options.Uri,
            string.IsNullOrEmpty(options.Username) ? BoltAuth.None() : BoltAuth.Basic(options.Username, options.Password),
            new BoltDriverOptions { Database = options.Database });
        await using var session = driver.Session();
        var result = await session.RunAsync("MATCH (n) DETACH DELETE n");
        await result.ConsumeAsync();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    public async Task DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }
}
