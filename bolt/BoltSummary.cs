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

/// <summary>Update counters of a query; all zero for a read.</summary>
public sealed class BoltCounters
{
    private readonly IReadOnlyDictionary<string, object?> _stats;

    internal BoltCounters(IReadOnlyDictionary<string, object?>? stats) => _stats = stats ?? new Dictionary<string, object?>();

    public int NodesCreated => Count("nodes-created");
    public int NodesDeleted => Count("nodes-deleted");
    public int RelationshipsCreated => Count("relationships-created");
    public int RelationshipsDeleted => Count("relationships-deleted");
    public int PropertiesSet => Count("properties-set");
    public int LabelsAdded => Count("labels-added");
    public int LabelsRemoved => Count("labels-removed");
    public int IndexesAdded => Count("indexes-added");
    public int IndexesRemoved => Count("indexes-removed");
    public int ConstraintsAdded => Count("constraints-added");
    public int ConstraintsRemoved => Count("constraints-removed");
    public int SystemUpdates => Count("system-updates");

    public bool ContainsUpdates => _stats.GetValueOrDefault("contains-updates") is true || NodesCreated + NodesDeleted + RelationshipsCreated + RelationshipsDeleted + PropertiesSet + LabelsAdded + LabelsRemoved + IndexesAdded + IndexesRemoved + ConstraintsAdded + ConstraintsRemoved > 0;

    public bool ContainsSystemUpdates => _stats.GetValueOrDefault("contains-system-updates") is true || SystemUpdates > 0;

    private int Count(string key) => _stats.GetValueOrDefault(key) is long value ? (int)value : 0;

    public override string ToString() => string.Join(", ", _stats.Select(kv => $"{kv.Key}={kv.Value}"));
}
