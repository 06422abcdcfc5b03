namespace FilmGraph.Bolt.Tests.Protocol;

/// <summary>GQL statuses and notifications derived from each other, as the official drivers derive them.</summary>
public class StatusTests
{
    private static readonly Dictionary<string, object?> Empty = [];

    private static BoltSummary Summary(string version, Dictionary<string, object?> metadata, bool records = false, bool keys = true) =>
        new("RETURN 1", Empty, Empty, metadata, "localhost:7687", version, records, keys);

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Bolt_5_5_names_a_notifications_description_status_description()
    {
        var summary = Summary("5.5", Map(("statuses", new List<object?>
        {
            Map(("gql_status", "03N91"), ("status_description", "info: hint"), ("neo4j_code", "Neo.ClientNotification.Statement.Hint"),
                ("title", "A hint"), ("diagnostic_record", Map(("_severity", "INFORMATION"), ("_classification", "HINT")))),
        })));
        var status = Assert.Single(summary.GqlStatusObjects);
        Assert.Equal("info: hint", status.Description);
        Assert.Equal("/", status.DiagnosticRecord["CURRENT_SCHEMA"]); // the standard keys are filled in
        var notification = Assert.Single(summary.Notifications);
        Assert.Equal(("info: hint", "INFORMATION", "HINT"), (notification["description"], notification["severity"], notification["category"]));
    }

    [Fact]
    public void Before_5_5_the_statuses_are_made_up_from_the_notifications()
    {
        var notifications = new List<object?>
        {
            Map(("code", "Neo.ClientNotification.Statement.CartesianProduct"), ("title", "Cartesian"), ("description", "a product"),
                ("severity", "INFORMATION"), ("category", "PERFORMANCE")),
            Map(("code", "Neo.ClientNotification.Statement.UnknownLabelWarning"), ("title", "Unknown label"), ("severity", "WARNING"),
                ("category", "UNRECOGNIZED"), ("position", Map(("offset", 1L), ("line", 2L), ("column", 3L)))),
        };
        var summary = Summary("5.4", Map(("notifications", notifications)), records: true);
        Assert.Equal(["01N42", "00000", "03N42"], summary.GqlStatusObjects.Select(s => s.GqlStatus));
        var warning = summary.GqlStatusObjects[0];
        Assert.Equal(("warn: unknown warning", "WARNING", "UNRECOGNIZED", new BoltNotificationPosition(1, 2, 3)),
            (warning.StatusDescription, warning.Severity, warning.Classification, warning.Position));
        Assert.Equal("a product", summary.GqlStatusObjects[2].StatusDescription);
        Assert.Equal(2, summary.Notifications.Count);
    }

    [Theory]
    [InlineData(true, true, "00000")]
    [InlineData(false, true, "02000")]
    [InlineData(false, false, "00001")]
    public void Before_5_5_the_first_status_says_how_the_query_ended(bool records, bool keys, string expected)
    {
        Assert.Equal(expected, Assert.Single(Summary("5.4", Empty, records, keys).GqlStatusObjects).GqlStatus);
        Assert.Empty(Summary("5.4", Empty, records, keys).Notifications);
    }
}
