namespace FilmGraph.Core;

/// <summary>How many people are at each co-star distance from one person (a "Bacon number" table).</summary>
public sealed record Reach(string Id, IReadOnlyList<ReachLevel> Levels)
{
    /// <summary>People reachable within the bound, not counting the person themself.</summary>
    public long Reachable => Levels.Where(l => l.Distance > 0).Sum(l => l.People);

    /// <summary>Mean distance over the reachable people; null when nobody is reachable.</summary>
    public double? AverageDistance =>
        Reachable == 0 ? null : (double)Levels.Where(l => l.Distance > 0).Sum(l => (long)l.Distance * l.People) / Reachable;
}
