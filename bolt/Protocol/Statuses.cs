namespace FilmGraph.Bolt.Protocol;

/// <summary>
/// GQL statuses and notifications of a summary, each derived from the other as the official drivers do: from
/// Bolt 5.5 the server sends "statuses" and the notifications are those of them with a Neo4j code; before, it
/// sends "notifications" and the statuses are made up from them behind one that says how the query ended.
/// </summary>
internal static class Statuses
{
    private static readonly Dictionary<string, object?> StandardDiagnosticRecord = new()
    {
        ["OPERATION"] = "",
        ["OPERATION_CODE"] = "0",
        ["CURRENT_SCHEMA"] = "/",
    };

    public static IReadOnlyList<BoltGqlStatus> Read(IReadOnlyDictionary<string, object?> metadata, string protocolVersion, bool recordsStreamed, bool hasKeys)
    {
        if (metadata.GetValueOrDefault("statuses") is IEnumerable<object?> statuses)
        {
            // 5.5 named the notification's description "status_description"; 5.6 sends both.
            var v55 = protocolVersion == BoltVersion.V5_5.ToString();
            return statuses.OfType<IReadOnlyDictionary<string, object?>>().Select(status =>
            {
                var neo4jCode = status.GetValueOrDefault("neo4j_code") as string;
                var statusDescription = status.GetValueOrDefault("status_description") as string;
                var description = v55 && neo4jCode is not null ? statusDescription : status.GetValueOrDefault("description") as string;
                return new BoltGqlStatus(status.GetValueOrDefault("gql_status") as string ?? "", statusDescription,
                    WithStandardKeys(status.GetValueOrDefault("diagnostic_record") as IReadOnlyDictionary<string, object?>),
                    neo4jCode, status.GetValueOrDefault("title") as string, description);
            }).ToList();
        }
        var made = new List<BoltGqlStatus> { Outcome(recordsStreamed, hasKeys) };
        made.AddRange(LegacyNotifications(metadata).Select(FromNotification));
        // A stable sort by class: no data (02) first, then warnings (01), then success (00), then the rest.
        return [.. made.OrderBy(s => s.GqlStatus.Length >= 2 ? s.GqlStatus[..2] switch { "02" => 0, "01" => 1, "00" => 2, _ => 9999 } : 9999)];
    }

    /// <summary>The notifications in their pre-GQL shape (code, title, description, severity, category, position).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Notifications(IReadOnlyDictionary<string, object?> metadata, IReadOnlyList<BoltGqlStatus> statuses)
    {
        if (metadata.ContainsKey("notifications") || !metadata.ContainsKey("statuses"))
        {
            return LegacyNotifications(metadata);
        }
        return statuses.Where(s => s.IsNotification).Select(s =>
        {
            var notification = new Dictionary<string, object?>
            {
                ["code"] = s.Neo4jCode,
                ["title"] = s.Title,
                ["description"] = s.Description,
                ["severity"] = s.Severity,
                ["category"] = s.Classification,
            };
            if (s.DiagnosticRecord.GetValueOrDefault("_position") is { } position)
            {
                notification["position"] = position;
            }
            return (IReadOnlyDictionary<string, object?>)notification;
        }).ToList();
    }

    private static List<IReadOnlyDictionary<string, object?>> LegacyNotifications(IReadOnlyDictionary<string, object?> metadata) =>
        metadata.GetValueOrDefault("notifications") is IEnumerable<object?> list ? [.. list.OfType<IReadOnlyDictionary<string, object?>>()] : [];

    private static BoltGqlStatus Outcome(bool recordsStreamed, bool hasKeys) => (recordsStreamed, hasKeys) switch
    {
        (true, _) => Made("00000", "note: successful completion"),
        (false, false) => Made("00001", "note: successful completion - omitted result"),
        _ => Made("02000", "note: no data"),
    };

    private static BoltGqlStatus FromNotification(IReadOnlyDictionary<string, object?> notification)
    {
        var severity = notification.GetValueOrDefault("severity") as string;
        var (status, fallback) = severity == "WARNING" ? ("01N42", "warn: unknown warning") : ("03N42", "info: unknown notification");
        var record = new Dictionary<string, object?>(StandardDiagnosticRecord);
        if (severity is not null)
        {
            record["_severity"] = severity;
        }
        if (notification.GetValueOrDefault("category") is { } category)
        {
            record["_classification"] = category;
        }
        if (notification.GetValueOrDefault("position") is { } position)
        {
            record["_position"] = position;
        }
        var description = notification.GetValueOrDefault("description") as string;
        return new BoltGqlStatus(status, description ?? fallback, record, notification.GetValueOrDefault("code") as string,
            notification.GetValueOrDefault("title") as string, description);
    }

    private static BoltGqlStatus Made(string status, string description) =>
        new(status, description, StandardDiagnosticRecord, null, null, null);

    private static Dictionary<string, object?> WithStandardKeys(IReadOnlyDictionary<string, object?>? record)
    {
        var merged = new Dictionary<string, object?>(StandardDiagnosticRecord);
        foreach (var (key, value) in record ?? StandardDiagnosticRecord)
        {
            merged[key] = value;
        }
        return merged;
    }
}
