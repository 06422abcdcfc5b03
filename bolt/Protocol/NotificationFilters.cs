namespace FilmGraph.Bolt.Protocol;

/// <summary>How a <see cref="BoltNotificationConfig"/> goes into HELLO, BEGIN and RUN for the version spoken.</summary>
internal static class NotificationFilters
{
    public static readonly BoltVersion Since = new(5, 2);

    public static void Append(Dictionary<string, object?> extra, BoltNotificationConfig? config, BoltVersion version)
    {
        if (config is null)
        {
            return;
        }
        if (version < Since)
        {
            throw new BoltClientException(
                $"Notification filters need Bolt {Since} or later (Neo4j 5.7+); this server speaks Bolt {version}. Remove the filter or upgrade the server.");
        }
        if (config.MinimumSeverity is { } severity)
        {
            extra["notifications_minimum_severity"] = severity;
        }
        if (config.DisabledClassifications is { } disabled)
        {
            // GQL's "classifications" were "categories" until Bolt 5.5.
            extra[version >= BoltVersion.V5_5 ? "notifications_disabled_classifications" : "notifications_disabled_categories"] = disabled.ToArray();
        }
    }
}
