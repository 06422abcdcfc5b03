using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Thousands of malformed requests from a fixed seed (<see cref="FuzzRequests"/>), one after another on one
/// connection pool: none is answered with a 5xx or a dropped connection, each answer is a GraphQL-shaped JSON body,
/// memory stays flat, and the server still answers a plain query at the end.
/// </summary>
[Collection(BigGraphCollection.Name)]
public sealed class FuzzTests(BigGraphServer server, ITestOutputHelper output)
{
    private const int Seed = 20_240_601;
    private const int MaxRequests = 3_000;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Malformed_requests_never_get_a_5xx_nor_a_dropped_connection()
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var requests = new FuzzRequests(Seed);
        var failures = new List<string>();
        var byKind = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var (managedBefore, workingSetBefore) = AttackProbe.Memory();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var slowest = TimeSpan.Zero;
        while (sent < MaxRequests && clock.Elapsed < MaxTime)
        {
            var fuzz = requests.Next();
            sent++;
            var one = Stopwatch.StartNew();
            var (status, problem) = await SendAsync(http, fuzz);
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            var statuses = byKind.TryGetValue(fuzz.Kind, out var known) ? known : byKind[fuzz.Kind] = new SortedDictionary<int, int>();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (problem is not null) failures.Add($"#{sent} {fuzz.Kind} ({fuzz.Method} {Cut(fuzz.Path)}, {fuzz.ContentType ?? "no content type"}, " +
                $"{fuzz.Body?.Length ?? 0} bytes: {Cut(Preview(fuzz.Body))}): {problem}");
        }
        var elapsed = clock.Elapsed;
        var (managedAfter, workingSetAfter) = AttackProbe.Memory();

        output.WriteLine($"{sent} requests in {elapsed.TotalSeconds:F1} s (seed {Seed}), slowest {slowest.TotalMilliseconds:F0} ms; " +
            $"heap {(managedAfter - managedBefore) >> 20:+0;-0} MB, working set {(workingSetAfter - workingSetBefore) >> 20:+0;-0} MB");
        foreach (var (kind, statuses) in byKind)
            output.WriteLine($"  {kind}: {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        foreach (var failure in failures.Take(20)) output.WriteLine(failure);

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests were not answered well; the first: {failures.FirstOrDefault()}");
        Assert.True(sent >= 500, $"only {sent} requests were sent in {MaxTime.TotalSeconds} s");
        Assert.True(managedAfter - managedBefore <= AttackProbe.MaxGrowthBytes, $"the managed heap grew by {(managedAfter - managedBefore) >> 20} MB");
        Assert.True(workingSetAfter - workingSetBefore <= AttackProbe.MaxGrowthBytes, $"the working set grew by {(workingSetAfter - workingSetBefore) >> 20} MB");

        var stats = await new GraphQLClient(http).DataAsync("{ stats { people } }");
        Assert.Equal(BigGraphServer.Size.People, (int)stats["stats"]!["people"]!);
    }

    /// <summary>The status, and what was wrong with the answer: a 5xx, a dropped connection, a body that is not a GraphQL response.</summary>
    private static async Task<(int Status, string? Problem)> SendAsync(HttpClient http, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(fuzz.Method, fuzz.Path);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }
        if (fuzz.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException e)
        {
            return (0, $"no answer: {e.Message}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500) return (status, $"{status}: {Cut(body)}");
            return (status, GraphQLShaped(body) ? null : $"{status} with a body that is not a GraphQL response: {Cut(body)}");
        }
    }

    private static bool GraphQLShaped(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject answer && (answer["errors"] is JsonArray { Count: > 0 } || answer.ContainsKey("data"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Preview(byte[]? body) => body is null ? "" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 120));

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
