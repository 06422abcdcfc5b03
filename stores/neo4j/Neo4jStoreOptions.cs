namespace FilmGraph.Store.Neo4j;

/// <summary>
/// Settings of the Neo4j store; bound from the configuration section <c>FilmGraph:Neo4j</c>. Each default comes
/// from the environment variable of the same meaning, so a container needs no configuration file.
/// </summary>
public sealed class Neo4jStoreOptions
{
    public const string UriVariable = "NEO4J_URI";
    public const string UsernameVariable = "NEO4J_USERNAME";
    public const string PasswordVariable = "NEO4J_PASSWORD";
    public const string DatabaseVariable = "NEO4J_DATABASE";

    public const string DefaultUri = "bolt://localhost:7687";
    public const int DefaultBatchSize = 1000;

    /// <summary>bolt:// for one server, neo4j:// for a cluster (routing), either with +s or +ssc for TLS.</summary>
    public string Uri { get; set; } = Variable(UriVariable) ?? DefaultUri;

    /// <summary>Empty means no authentication.</summary>
    public string Username { get; set; } = Variable(UsernameVariable) ?? "neo4j";

    public string Password { get; set; } = Variable(PasswordVariable) ?? "";

    /// <summary>Null uses the server's default (home) database.</summary>
    public string? Database { get; set; } = Variable(DatabaseVariable);

    /// <summary>Rows per <c>UNWIND</c> statement. A whole write still commits in one transaction.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>How long opening the store waits for the schema's indexes to come online.</summary>
    public TimeSpan IndexWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of the best-connected people a centres ranking measures, and how many of the best it keeps.</summary>
    public int CentreCandidates { get; set; } = Core.Limits.DefaultCentreCandidates;

    public int CentresKept { get; set; } = Core.Limits.DefaultCentresKept;

    /// <summary>Options with every default taken from the environment.</summary>
    public static Neo4jStoreOptions FromEnvironment() => new();

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
