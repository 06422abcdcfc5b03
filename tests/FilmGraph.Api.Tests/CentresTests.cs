using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace FilmGraph.Api.Tests;

/// <summary>
/// centres and centresStatus over HTTP: a fresh instance ranks the sample's centres in the background, says so in
/// its log and its status, then serves them, each agreeing with what reach says of the same person.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CentresTests(ApiServer server)
{
    private const string Category = "FilmGraph.Api.Hosting.CentresLog";

    [Fact]
    public async Task Centres_are_ranked_in_the_background_logged_and_agree_with_reach()
    {
        var logs = new CapturedLogs();
        await using var api = await server.StartApiAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:Embedded:CentresQuietPeriod"] = "00:00:00",
            [$"Logging:LogLevel:{Category}"] = "Information",
        }, builder => builder.Logging.AddProvider(logs));

        // The ranking starts on the store's own timer; wait for its outcome, not for a length of time.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        JsonNode status;
        while ((string?)(status = (await api.Client.DataAsync("{ centresStatus { state computedAt candidates done via } }"))["centresStatus"]!)["state"] != "CURRENT")
            await Task.Delay(100, patience.Token);
        Assert.Equal((int)status["candidates"]!, (int)status["done"]!);
        Assert.True((int)status["candidates"]! > 0);
        Assert.True(DateTimeOffset.TryParse((string?)status["computedAt"], CultureInfo.InvariantCulture, out _));
        Assert.Equal("""["CAST_IN"]""", status["via"]!.ToJsonString());

        var centres = (await api.Client.DataAsync("{ centres(first: 5) { person { id name } averageDistance reachCount } }"))["centres"]!.AsArray();
        Assert.InRange(centres.Count, 1, 5);
        var averages = centres.Select(c => (double)c!["averageDistance"]!).ToList();
        Assert.Equal(averages.Order(), averages);
        foreach (var centre in centres)
        {
            var id = (string)centre!["person"]!["id"]!;
            var reach = (await api.Client.DataAsync($$"""{ reach(id: "{{id}}", maxHops: 12) { reachable averageDistance } }"""))["reach"]!;
            Assert.Equal(((int)reach["reachable"]!, (double)reach["averageDistance"]!), ((int)centre["reachCount"]!, (double)centre["averageDistance"]!));
        }

        while (!logs.In(Category).Any(l => l.Message.StartsWith("Centres: current", StringComparison.Ordinal))) await Task.Delay(100, patience.Token);
    }

    [Fact]
    public async Task A_via_set_never_ranked_is_missing_and_has_no_centres()
    {
        var data = await server.Client.DataAsync("""
            { centresStatus(via: [DIRECTED, CAST_IN]) { state computedAt candidates done via }
              centres(via: [CAST_IN, DIRECTED]) { reachCount } }
            """);
        JsonAssert.Equal("""
            { "centresStatus": { "state": "MISSING", "computedAt": null, "candidates": 0, "done": 0, "via": ["CAST_IN", "DIRECTED"] },
              "centres": [] }
            """, data);
    }
}
