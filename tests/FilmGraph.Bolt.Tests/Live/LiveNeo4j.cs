using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace FilmGraph.Bolt.Tests.Live;

/// <summary>
/// A real Neo4j: the one NEO4J_URI names, else a neo4j:5 container where a Docker engine is
/// available, else none, with the reason the live tests report when they skip.
/// </summary>
public sealed class LiveNeo4j : IAsyncLifetime
{
    private const string ContainerPassword = "filmgraph-test";
    private IContainer? _container;

    public BoltDriver? Driver { get; private set; }

    public string SkipReason { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 })
        {
            Driver = BoltDriver.FromEnvironment(new BoltDriverOptions { ConnectionTimeout = TimeSpan.FromSeconds(10) });
            return;
        }
        if (!DockerAvailable())
        {
            SkipReason = "No Neo4j to test against: NEO4J_URI is not set and no Docker engine is reachable (DOCKER_HOST or /var/run/docker.sock).";
            return;
        }
        try
        {
            _container = new ContainerBuilder("neo4j:5")
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7687, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Started."))
                .Build();
            await _container.StartAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A socket file without a working engine behind it (or no image to pull) is no Neo4j either.
            SkipReason = $"No Neo4j to test against: NEO4J_URI is not set and starting a neo4j:5 container failed: {e.Message}";
            return;
        }
        Driver = BoltDriver.Create($"bolt://{_container.Hostname}:{_container.GetMappedPublicPort(7687)}", BoltAuth.Basic("neo4j", ContainerPassword));
    }

    private static bool DockerAvailable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    public async Task DisposeAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync();
        }
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
