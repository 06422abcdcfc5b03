namespace FilmGraph.Client;

/// <summary>How many people are at each co-star distance from one person (a "Bacon number" table).</summary>
/// <param name="Id">The person measured from.</param>
/// <param name="Levels">One entry per distance that has people, nearest first; distance 0 is the person themself.</param>
/// <param name="Reachable">People reachable within the hops asked for, not counting the person themself.</param>
/// <param name="AverageDistance">The mean distance over the reachable people; null when nobody is reachable.</param>
public sealed record Reach(string Id, IReadOnlyList<ReachLevel> Levels, int Reachable, double? AverageDistance);
