namespace FilmGraph.Client;

/// <summary>The number of people at one distance.</summary>
/// <param name="Distance">Films between the person measured from and these people.</param>
/// <param name="People">How many people are at this distance.</param>
public sealed record ReachLevel(int Distance, int People);
