namespace FilmGraph.Bolt;

/// <summary>
/// Which notifications the server should send (Bolt 5.2+): none below <see cref="MinimumSeverity"/>, none of the
/// <see cref="DisabledClassifications"/>. Filtering on the server saves it the work and the bytes.
/// </summary>
public sealed record BoltNotificationConfig
{
    /// <summary>"WARNING", "INFORMATION", or "OFF" for none at all; null leaves the server's default.</summary>
    public string? MinimumSeverity { get; init; }

    /// <summary>E.g. "HINT", "UNRECOGNIZED", "UNSUPPORTED", "PERFORMANCE", "DEPRECATION", "SECURITY", "TOPOLOGY", "GENERIC", "SCHEMA".</summary>
    public IReadOnlyList<string>? DisabledClassifications { get; init; }

    /// <summary>No notifications at all.</summary>
    public static BoltNotificationConfig Off { get; } = new() { MinimumSeverity = "OFF" };
}
