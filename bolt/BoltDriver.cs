using System.Globalization;
using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;
using FilmGraph.Bolt.Routing;

namespace FilmGraph.Bolt;

/// <summary>
/// Entry point: holds the connection pools for one Neo4j deployment. Create one per application
/// and share it; sessions are cheap.
/// </summary>
public sealed class BoltDriver : IAsyncDisposable
{
    private readonly IConnectionProvider _provider;

    private BoltDriver(Uri uri, IConnectionProvider provider, BoltDriverOptions options)
    {
        Uri = uri;
        _provider = provider;
        Options = options;
    }

    public Uri Uri { get; }

    public BoltDriverOptions Options { get; }

    /// <summary>True for neo4j:// URIs, where work is routed across a cluster.</summary>
    public bool IsRouting => _provider is RoutingProvider;

    internal IConnectionProvider Provider => _provider;

    /// <summary>The server the URI names: the only one for bolt://, the first router for neo4j://.</summary>
    internal ServerAddress Address { get; private init; } = new("localhost", ServerAddress.DefaultPort);

    public static BoltDriver Create(string uri, BoltAuth auth, BoltDriverOptions? options = null) =>
        Create(new Uri(uri), auth, options);

    /// <summary>
    /// Schemes: bolt (one server), neo4j (routing), each with +s (TLS, system trust) or +ssc (TLS,
    /// any certificate). For neo4j://, query parameters become the routing context.
    /// </summary>
    public static BoltDriver Create(Uri uri, BoltAuth auth, BoltDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return Create(uri, BoltAuthTokenManagers.Static(auth), options);
    }

    /// <summary>Like <see cref="Create(Uri, BoltAuth, BoltDriverOptions?)"/>, with credentials that may change (see <see cref="IBoltAuthTokenManager"/>).</summary>
    public static BoltDriver Create(Uri uri, IBoltAuthTokenManager auth, BoltDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(auth);
        options ??= new BoltDriverOptions();
        var (routing, tls) = uri.Scheme.ToLowerInvariant() switch
        {
            "bolt" => (false, TlsMode.None),
            "bolt+s" => (false, TlsMode.SystemTrust),
            "bolt+ssc" => (false, TlsMode.TrustAny),
            "neo4j" => (true, TlsMode.None),
            "neo4j+s" => (true, TlsMode.SystemTrust),
            "neo4j+ssc" => (true, TlsMode.TrustAny),
            _ => throw new ArgumentException($"Unsupported scheme '{uri.Scheme}'; use bolt, neo4j, or either with +s or +ssc.", nameof(uri)),
        };
        // DnsSafeHost drops the brackets of an IPv6 literal, which sockets do not take.
        var address = new ServerAddress(uri.DnsSafeHost, uri.IsDefaultPort || uri.Port < 0 ? ServerAddress.DefaultPort : uri.Port);
        Dictionary<string, object?>? routingContext = null;
        if (routing)
        {
            routingContext = new Dictionary<string, object?> { ["address"] = address.ToString() };
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                routingContext[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }
        }
        else if (uri.Query.Length > 1)
        {
            throw new ArgumentException("Query parameters (routing context) are only allowed with neo4j:// URIs.", nameof(uri));
        }
        var settings = new ConnectionSettings(auth, options.UserAgent, tls, options.ConnectionTimeout, routingContext, options.MaxMessageSize,
            options.MaxNestingDepth, options.Notifications);
        var pools = new PoolRegistry(settings, options);
        IConnectionProvider provider = routing ? new RoutingProvider(address, routingContext!, pools) : new DirectProvider(address, pools);
        return new BoltDriver(uri, provider, options) { Address = address };
    }

    /// <summary>
    /// Reads NEO4J_URI (required), NEO4J_USERNAME and NEO4J_PASSWORD (basic auth when a user name is
    /// set, none otherwise) and NEO4J_DATABASE (default database, unless <paramref name="options"/> names one).
    /// </summary>
    public static BoltDriver FromEnvironment(BoltDriverOptions? options = null)
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new InvalidOperationException("NEO4J_URI is not set.");
        }
        var user = Environment.GetEnvironmentVariable("NEO4J_USERNAME");
        var auth = string.IsNullOrEmpty(user) ? BoltAuth.None() : BoltAuth.Basic(user, Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "");
        options ??= new BoltDriverOptions();
        if (options.Database is null && Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database)
        {
            options = options with { Database = database };
        }
        return Create(new Uri(uri), auth, options);
    }

    /// <summary>A session on <paramref name="database"/> (or the options' default database).</summary>
    public BoltSession Session(string? database = null, BoltAccessMode defaultAccessMode = BoltAccessMode.Write, IEnumerable<string>? bookmarks = null) =>
        Session(new BoltSessionOptions { Database = database, DefaultAccessMode = defaultAccessMode, Bookmarks = bookmarks });

    /// <summary>A session with every setting a session has (impersonation, fetch size, notification filters, a shared bookmark manager...).</summary>
    public BoltSession Session(BoltSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BoltSession(_provider, Options, options);
    }

    /// <summary>Opens (or reuses) a connection and completes the handshake and authentication.</summary>
    public async Task VerifyConnectivityAsync(CancellationToken ct = default)
    {
        var lease = await _provider.AcquireAsync(new AcquireRequest(Options.Database, BoltAccessMode.Read, []), ct).ConfigureAwait(false);
        await lease.ReleaseAsync().ConfigureAwait(false);
    }

    /// <summary>Connections currently lent out, over all servers.</summary>
    public int ConnectionsInUse => _provider.Pools.Sum(p => p.InUse);

    /// <summary>Connections waiting in the pools, over all servers.</summary>
    public int ConnectionsIdle => _provider.Pools.Sum(p => p.Idle);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BoltDriver({Uri})");

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
