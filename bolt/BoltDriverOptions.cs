namespace FilmGraph.Bolt;

/// <summary>Driver settings. Defaults suit a long-running service talking to one Neo4j deployment.</summary>
public sealed record BoltDriverOptions
{
    /// <summary>Database used by sessions that name none; null lets the server pick its default (home) database.</summary>
    public string? Database { get; init; }

    public int MaxConnectionPoolSize { get; init; } = 100;

    public TimeSpan ConnectionAcquisitionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit for TCP connect and TLS setup.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connections older than this are closed instead of reused.</summary>
    public TimeSpan MaxConnectionLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A pooled connection idle for longer than this is checked with RESET before reuse; null never checks.</summary>
    public TimeSpan? ConnectionLivenessCheckTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Time budget for a managed transaction's retries.</summary>
    public TimeSpan MaxTransactionRetryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay between managed-transaction attempts; doubles each time, with ±20 % jitter.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Records asked for per PULL; -1 asks for all at once.</summary>
    public int FetchSize { get; init; } = 1000;

    public string UserAgent { get; init; } = "FilmGraph.Bolt/1.0";

    /// <summary>Largest message accepted from a server; a bigger one is a protocol error.</summary>
    public int MaxMessageSize { get; init; } = 256 * 1024 * 1024;

    /// <summary>Notification filters for every connection, sent in HELLO (Bolt 5.2+); sessions may set their own.</summary>
    public BoltNotificationConfig? Notifications { get; init; }

    /// <summary>Deepest nesting of lists, maps and structures accepted from a server.</summary>
    public int MaxNestingDepth { get; init; } = 64;
}
