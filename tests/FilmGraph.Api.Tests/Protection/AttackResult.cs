using System.Globalization;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>What one attack was answered with, and what it cost the server (<see cref="AttackProbe"/>).</summary>
public sealed record AttackResult(GraphQLAnswer Answer, TimeSpan Elapsed, long ManagedGrowth, long WorkingSetGrowth, TimeSpan SlowestLookup, int Lookups)
{
    public string Describe(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {Answer.Status} {CodeOrNone(Answer)} in {Elapsed.TotalMilliseconds:F1} ms; heap {Mb(ManagedGrowth)}, working set {Mb(WorkingSetGrowth)}; " +
        $"{Lookups} lookups beside it, slowest {SlowestLookup.TotalMilliseconds:F1} ms");

    /// <summary>The first error's code, "(no error)", or "(not JSON)": never throws, since it describes any answer.</summary>
    public static string CodeOrNone(GraphQLAnswer answer)
    {
        try
        {
            return (string?)answer.Json["errors"]?[0]?["extensions"]?["code"] ?? "(no error)";
        }
        catch (System.Text.Json.JsonException)
        {
            return "(not JSON)";
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):+0.0;-0.0} MB");
}
