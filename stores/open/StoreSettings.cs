using FilmGraph.Store.Embedded;
using FilmGraph.Store.Neo4j;
using Microsoft.Extensions.Configuration;

namespace FilmGraph.Stores;

/// <summary>
/// Which store to open and how, as the configuration section <c>FilmGraph</c> holds it: <c>FilmGraph:Store</c> (the
/// kind), <c>FilmGraph:Embedded:*</c> and <c>FilmGraph:Neo4j:*</c>. The API, the importer and the benchmarks read
/// the same keys, so one setting (<c>FilmGraph__Store=neo4j</c>) moves them all.
/// </summary>
public sealed class StoreSettings
{
    public const string Section = "FilmGraph";

    /// <summary>The environment variable of <c>FilmGraph:Store</c>, for a process that has no other configuration.</summary>
    public const string KindVariable = "FilmGraph__Store";

    /// <summary>The kind's name, as configured: "embedded" (the default) or "neo4j". <see cref="Kind"/> parses it.</summary>
    public string Store { get; set; } = StoreKind.Embedded.Name();

    /// <summary>The kind <see cref="Store"/> names; a name that is neither is a GraphStoreException listing the choices.</summary>
    public StoreKind Kind => StoreKinds.Parse(Store);

    public EmbeddedStoreOptions Embedded { get; set; } = new();

    /// <summary>Defaults from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE; <c>FilmGraph:Neo4j:*</c> overrides them.</summary>
    public Neo4jStoreOptions Neo4j { get; set; } = Neo4jStoreOptions.FromEnvironment();

    /// <summary>The settings in <paramref name="configuration"/>'s section <c>FilmGraph</c>; defaults where it has none.</summary>
    public static StoreSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<StoreSettings>() ?? new StoreSettings();
    }

    /// <summary>
    /// The settings a process without a configuration file has: environment variables only
    /// (<c>FilmGraph__Store</c>, <c>FilmGraph__Embedded__Path</c>, <c>FilmGraph__Neo4j__BatchSize</c>, NEO4J_URI ...).
    /// </summary>
    public static StoreSettings FromEnvironment() => From(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>
    /// These settings for a process that only writes (an import, a bulk load): the embedded store then builds no
    /// traversal index, which costs time and memory a writer never uses, and does not watch for other writers,
    /// since it reads nothing back. A Neo4j store opens the same either way.
    /// </summary>
    public StoreSettings WriteOnly() => new()
    {
        Store = Store,
        Embedded = new EmbeddedStoreOptions { Path = Embedded.Path, BuildIndex = false, ExternalChangePoll = TimeSpan.Zero },
        Neo4j = Neo4j,
    };
}
