namespace FilmGraph.Bolt;

/// <summary>What the server reported about a finished query.</summary>
public sealed class BoltSummary
{
    internal BoltSummary(string query, IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> runMetadata, IReadOnlyDictionary<string, object?> metadata, string server, string protocolVersion)
    {
        Query = query;
        Parameters = parameters;
        Metadata = metadata;
        Server = server;
        ProtocolVersion = protocolVersion;
        Counters = new BoltCounters(metadata.GetValueOrDefault("stats") as IReadOnlyDictionary<string, object?>);
        QueryType = metadata.GetValueOrDefault("type") as string;
        Database = metadata.GetValueOrDefault("db") as string;
        Bookmark = metadata.GetValueOrDefault("bookmark") as string;
        ResultAvailableAfter = Millis(runMetadata.GetValueOrDefault("t_first"));
        ResultConsumedAfter = Millis(metadata.GetValueOrDefault("t_last"));
        Notifications = metadata.GetValueOrDefault("notifications") is IEnumerable<object?> list
            ? list.OfType<IReadOnlyDictionary<string, object?>>().ToList()
            : [];
    }

    public string Query { get; }

    public IReadOnlyDictionary<string, object?> Parameters { get; }

    public BoltCounters Counters { get; }

    /// <summary>"r", "w", "rw" or "s" (schema).</summary>
    public string? QueryType { get; }

    public string? Database { get; }

    /// <summary>The bookmark of an auto-commit query; transactions report theirs on commit.</summary>
    public string? Bookmark { get; }

    public TimeSpan? ResultAvailableAfter { get; }

    public TimeSpan? ResultConsumedAfter { get; }

    public string Server { get; }

    public string ProtocolVersion { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Notifications { get; }

    /// <summary>The final SUCCESS metadata as sent.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; }

    private static TimeSpan? Millis(object? value) => value is long ms ? TimeSpan.FromMilliseconds(ms) : null;
}
