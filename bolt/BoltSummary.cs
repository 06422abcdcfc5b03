using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt;

/// <summary>What the server reported about a finished query.</summary>
public sealed class BoltSummary
{
    internal BoltSummary(string query, IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> runMetadata,
        IReadOnlyDictionary<string, object?> metadata, string server, string protocolVersion, bool recordsStreamed = false, bool hasKeys = true)
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
        GqlStatusObjects = Statuses.Read(metadata, protocolVersion, recordsStreamed, hasKeys);
        Notifications = Statuses.Notifications(metadata, GqlStatusObjects);
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

    /// <summary>
    /// Notifications in their pre-GQL shape (maps with code, title, description, severity, category, position):
    /// as sent before Bolt 5.5, derived from <see cref="GqlStatusObjects"/> from 5.5 on.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Notifications { get; }

    /// <summary>The GQL statuses of the outcome: as sent from Bolt 5.5 on, made up from the notifications before.</summary>
    public IReadOnlyList<BoltGqlStatus> GqlStatusObjects { get; }

    /// <summary>The final SUCCESS metadata as sent.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; }

    private static TimeSpan? Millis(object? value) => value is long ms ? TimeSpan.FromMilliseconds(ms) : null;
}
