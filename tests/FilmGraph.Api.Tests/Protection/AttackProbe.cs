using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Sends one attack and measures what it cost the server: how long until it was answered, how the process's managed
/// heap and working set moved across it (the server runs in this process), and how long ordinary
/// <c>person(id:)</c> lookups, sent one after another on their own connection while the attack was in flight, took.
/// <see cref="AssertBounded"/> holds each figure to a generous bound; every figure is written to the test output.
/// Attack and lookups go to the instance at <paramref name="address"/>, each on its own connections.
/// </summary>
public sealed class AttackProbe(BigGraphServer server, Uri address, ITestOutputHelper output) : IDisposable
{
    /// <summary>How long an attack may take to be answered, refused or not.</summary>
    public static readonly TimeSpan MaxAnswerTime = TimeSpan.FromSeconds(2);

    /// <summary>How long a lookup beside an attack may take.</summary>
    public static readonly TimeSpan MaxLookupTime = TimeSpan.FromSeconds(2);

    /// <summary>How much the heap and the working set may grow across one attack.</summary>
    public const long MaxGrowthBytes = 200L << 20;

    private const int MaxLookups = 500;

    private readonly HttpClient _attacks = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    private readonly HttpClient _lookups = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public GraphQLClient Client => new(_attacks);

    /// <summary>A request body as bytes, built before the attack is measured.</summary>
    public static ByteArrayContent Json(object request) => Bytes(JsonSerializer.SerializeToUtf8Bytes(request), "application/json");

    public static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>Sends <paramref name="content"/> to /graphql as the attack (accepting application/json unless told).</summary>
    public Task<AttackResult> PostAsync(string name, HttpContent content, string? accept = null) =>
        RunAsync(name, () => Client.SendAsync(HttpMethod.Post, "/graphql", content, accept));

    public async Task<AttackResult> RunAsync(string name, Func<Task<GraphQLAnswer>> attack)
    {
        var (managedBefore, workingSetBefore) = Memory();
        var clock = Stopwatch.StartNew();
        var sent = Task.Run(async () =>
        {
            var answer = await attack();
            return (answer, clock.Elapsed);
        });
        var slowest = TimeSpan.Zero;
        var lookups = 0;
        do
        {
            slowest = Max(slowest, await LookupAsync());
            lookups++;
        }
        while (!sent.IsCompleted && lookups < MaxLookups);
        var (answer, elapsed) = await sent;
        var (managedAfter, workingSetAfter) = Memory();
        var result = new AttackResult(answer, elapsed, managedAfter - managedBefore, workingSetAfter - workingSetBefore, slowest, lookups);
        output.WriteLine(result.Describe(name));
        return result;
    }

    /// <summary>Answered within <see cref="MaxAnswerTime"/>, memory within <see cref="MaxGrowthBytes"/>, lookups within <see cref="MaxLookupTime"/>.</summary>
    public static void AssertBounded(AttackResult result)
    {
        Assert.True(result.Elapsed <= MaxAnswerTime, $"answered after {result.Elapsed.TotalMilliseconds:F0} ms; the bound is {MaxAnswerTime.TotalMilliseconds} ms");
        Assert.True(result.ManagedGrowth <= MaxGrowthBytes, $"the managed heap grew by {result.ManagedGrowth >> 20} MB");
        Assert.True(result.WorkingSetGrowth <= MaxGrowthBytes, $"the working set grew by {result.WorkingSetGrowth >> 20} MB");
        Assert.True(result.SlowestLookup <= MaxLookupTime, $"a person lookup beside the attack took {result.SlowestLookup.TotalMilliseconds:F0} ms");
    }

    /// <summary>A refusal (or an answer) whose errors are few and whose body is small, with no .NET detail in it.</summary>
    public static void AssertBoundedErrors(GraphQLAnswer answer)
    {
        var errors = answer.Json["errors"]?.AsArray();
        Assert.NotNull(errors);
        Assert.InRange(errors.Count, 1, 51);
        Assert.True(answer.Body.Length < 16 * 1024, $"the answer is {answer.Body.Length} characters long");
        Assert.DoesNotContain("Exception", answer.Body);
        Assert.DoesNotContain("   at ", answer.Body);
    }

    private async Task<TimeSpan> LookupAsync()
    {
        var clock = Stopwatch.StartNew();
        var body = JsonSerializer.Serialize(new { query = "query($id: ID!) { person(id: $id) { id name } }", variables = new { id = server.Ordinary } });
        using var response = await _lookups.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        Assert.True(response.IsSuccessStatusCode && text.Contains(server.Ordinary, StringComparison.Ordinal) && !text.Contains("\"errors\"", StringComparison.Ordinal),
            $"a person lookup beside the attack failed: {(int)response.StatusCode} {text}");
        return elapsed;
    }

    /// <summary>The managed heap after a full collection, and the working set, in bytes.</summary>
    public static (long Managed, long WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public void Dispose()
    {
        _attacks.Dispose();
        _lookups.Dispose();
    }
}
