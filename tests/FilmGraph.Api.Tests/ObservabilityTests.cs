using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace FilmGraph.Api.Tests;

/// <summary>The request log line, /metrics, and traces: a caller's traceparent continued, store calls as spans.</summary>
[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests(ApiServer server)
{
    private const string RequestCategory = "FilmGraph.Api.Requests";
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TraceParent = $"00-{TraceId}-00f067aa0ba902b7-01";

    private static Dictionary<string, string?> LogRequests() => new() { [$"Logging:LogLevel:{RequestCategory}"] = "Information" };

    [Fact]
    public async Task A_request_to_graphql_writes_one_line_that_continues_the_callers_trace()
    {
        var logs = new CapturedLogs();
        await using var api = await server.StartApiAsync(LogRequests(), builder => builder.Logging.AddProvider(logs));

        var request = StartedApi.Post("{ stats { people } }");
        request.Headers.Add("traceparent", TraceParent);
        Assert.Equal(200, (await api.Client.SendAsync(request)).Status);
        Assert.Equal(200, (await api.Client.SendAsync(HttpMethod.Get, "/healthz")).Status);

        var line = Assert.Single(logs.In(RequestCategory));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("GraphQLRequest", line.EventId.Name);
        Assert.Equal(TraceId, line.Values["TraceId"]);
        Assert.Equal("POST", line.Values["Method"]);
        Assert.Equal(200, line.Values["Status"]);
        Assert.Equal("ok", line.Values["Outcome"]);
        Assert.IsType<double>(line.Values["DurationMs"]);
        foreach (var field in new[] { "OperationName", "OperationType", "Cost", "ErrorCodes", "ResponseBytes" }) Assert.True(line.Values.ContainsKey(field), field);
        Assert.Contains($"trace={TraceId}", line.Message);
        Assert.StartsWith("POST /graphql ", line.Message);
    }

    [Fact]
    public async Task A_refusal_is_logged_with_its_code()
    {
        var logs = new CapturedLogs();
        var settings = LogRequests();
        settings["FilmGraph:RateLimit:PermitLimit"] = "1";
        settings["FilmGraph:RateLimit:Period"] = "01:00:00";
        await using var api = await server.StartApiAsync(settings, builder => builder.Logging.AddProvider(logs));
        await api.Client.PostAsync("{ stats { people } }");
        Assert.Equal(429, (await api.Client.PostAsync("{ stats { people } }")).Status);

        var refused = logs.In(RequestCategory).Last();
        Assert.Equal(429, refused.Values["Status"]);
        Assert.Equal("refused", refused.Values["Outcome"]);
        Assert.Equal("RATE_LIMITED", refused.Values["ErrorCodes"]);
        Assert.Contains(" errors=RATE_LIMITED ", refused.Message);
    }

    [Fact]
    public async Task The_request_line_is_off_when_its_category_is_turned_down()
    {
        var logs = new CapturedLogs();
        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { [$"Logging:LogLevel:{RequestCategory}"] = "Warning" },
            builder => builder.Logging.AddProvider(logs));
        Assert.Equal(200, (await api.Client.PostAsync("{ stats { people } }")).Status);
        Assert.Empty(logs.In(RequestCategory));
    }

    [Fact]
    public async Task Metrics_count_requests_by_outcome_and_show_the_store()
    {
        var settings = new Dictionary<string, string?> { ["FilmGraph:RateLimit:PermitLimit"] = "2", ["FilmGraph:RateLimit:Period"] = "01:00:00" };
        await using var api = await server.StartApiAsync(settings);
        for (var i = 0; i < 3; i++) await api.Client.PostAsync("{ stats { people } }");

        using var response = await api.Client.Http.GetAsync("/metrics");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, Sample(text, "filmgraph_requests_total", "outcome=\"ok\""));
        Assert.Equal(1, Sample(text, "filmgraph_requests_total", "outcome=\"refused\""));
        Assert.Equal(1, Sample(text, "filmgraph_refusals_total", "code=\"RATE_LIMITED\""));
        Assert.Equal(2, Sample(text, "filmgraph_request_duration_seconds_count", "outcome=\"ok\""));
        Assert.Equal(1, Sample(text, "filmgraph_store_ready", ""));
        Assert.Equal(8, Sample(text, "filmgraph_store_nodes", "kind=\"person\""));
        Assert.Equal(5, Sample(text, "filmgraph_store_nodes", "kind=\"film\""));
        Assert.Equal(16, Sample(text, "filmgraph_store_relationships", ""));
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:Metrics:Enabled"] = "false" });
        Assert.Equal(200, (await api.Client.PostAsync("{ stats { people } }")).Status);
        Assert.Equal(404, (await api.Client.SendAsync(HttpMethod.Get, "/metrics")).Status);
    }

    [Fact]
    public async Task Traces_are_exported_only_when_an_OTLP_endpoint_is_configured()
    {
        await using var plain = await server.StartApiAsync(new Dictionary<string, string?>());
        Assert.Null(plain.App.Services.GetService<TracerProvider>());

        // Nothing listens there; the exporter only queues, and drops what it cannot send.
        await using var exported = await server.StartApiAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        Assert.NotNull(exported.App.Services.GetService<TracerProvider>());
        Assert.Equal(200, (await exported.Client.PostAsync("{ stats { people } }")).Status);
    }

    [Fact]
    public async Task Store_calls_are_spans_of_the_callers_trace()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "FilmGraph",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var request = StartedApi.Post("""{ person(id: "emma-stone") { name } }""");
        request.Headers.Add("traceparent", TraceParent);
        Assert.Equal(200, (await server.Client.SendAsync(request)).Status);

        var span = Assert.Single(spans, s => s.TraceId.ToHexString() == TraceId && s.OperationName == "store.GetPerson");
        Assert.Equal(1, span.GetTagItem("filmgraph.result.count"));
        Assert.NotEqual(default, span.ParentSpanId);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include <paramref name="label"/>.</summary>
    private static double Sample(string exposition, string metric, string label)
    {
        var lines = exposition.Split('\n').Where(l => Regex.IsMatch(l, $@"^{metric}(\{{[^}}]*\}})? ") && l.Contains(label)).ToList();
        var line = Assert.Single(lines);
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
