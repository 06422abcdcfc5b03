namespace FilmGraph.Bolt;

/// <summary>
/// A GQL status object of a query's outcome (the "statuses" of a Bolt 5.5+ summary; made up from the older
/// "notifications" for earlier servers, as the official drivers do). The first says how the query ended
/// (<c>00000</c> with rows, <c>02000</c> without, <c>00001</c> omitted result); the others are notifications.
/// </summary>
public sealed class BoltGqlStatus
{
    internal BoltGqlStatus(string gqlStatus, string? statusDescription, IReadOnlyDictionary<string, object?> diagnosticRecord,
        string? neo4jCode, string? title, string? description)
    {
        GqlStatus = gqlStatus;
        StatusDescription = statusDescription;
        DiagnosticRecord = diagnosticRecord;
        Neo4jCode = neo4jCode;
        Title = title;
        Description = description;
        Severity = diagnosticRecord.GetValueOrDefault("_severity") as string;
        Classification = diagnosticRecord.GetValueOrDefault("_classification") as string;
        Position = diagnosticRecord.GetValueOrDefault("_position") is IReadOnlyDictionary<string, object?> position
            ? new BoltNotificationPosition(Long(position, "offset"), Long(position, "line"), Long(position, "column"))
            : null;
    }

    /// <summary>The GQLSTATUS code, e.g. <c>01N50</c>.</summary>
    public string GqlStatus { get; }

    /// <summary>E.g. "warn: label does not exist. The label `Actor` does not exist…".</summary>
    public string? StatusDescription { get; }

    /// <summary>The diagnostic record as sent, with the standard keys (OPERATION, OPERATION_CODE, CURRENT_SCHEMA) filled in when missing.</summary>
    public IReadOnlyDictionary<string, object?> DiagnosticRecord { get; }

    /// <summary>"WARNING" or "INFORMATION" as the server sent it (<c>_severity</c>); null for a status that is not a notification.</summary>
    public string? Severity { get; }

    /// <summary>E.g. "UNRECOGNIZED", "PERFORMANCE", "DEPRECATION" as the server sent it (<c>_classification</c>).</summary>
    public string? Classification { get; }

    public BoltNotificationPosition? Position { get; }

    /// <summary>True when this status is also a (Neo4j) notification, the kind notification filters act on.</summary>
    public bool IsNotification => Neo4jCode is not null;

    /// <summary>The Neo4j notification code, e.g. <c>Neo.ClientNotification.Statement.UnknownLabelWarning</c>.</summary>
    public string? Neo4jCode { get; }

    public string? Title { get; }

    /// <summary>The notification's own description (not the status description).</summary>
    public string? Description { get; }

    public override string ToString() => $"{GqlStatus} {StatusDescription}";

    private static long Long(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) is long value ? value : 0;
}
