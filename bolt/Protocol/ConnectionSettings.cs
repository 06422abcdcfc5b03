namespace FilmGraph.Bolt.Protocol;

internal enum TlsMode
{
    None,
    SystemTrust,
    TrustAny,
}

/// <summary>What a connection needs to open and greet a server; derived once from the driver's options.</summary>
internal sealed record ConnectionSettings(
    IBoltAuthTokenManager Auth,
    string UserAgent,
    TlsMode Tls,
    TimeSpan ConnectTimeout,
    IReadOnlyDictionary<string, object?>? RoutingContext,
    int MaxMessageSize,
    int MaxNestingDepth,
    BoltNotificationConfig? Notifications = null);
