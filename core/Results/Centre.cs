namespace FilmGraph.Core;

/// <summary>
/// One person's closeness to everyone they can reach (<see cref="Traversal"/>, "Centres"): the sum of their co-star
/// distances to the <see cref="ReachCount"/> people they reach.
/// </summary>
public sealed record Centre(Person Person, long TotalDistance, long ReachCount)
{
    public double AverageDistance => (double)TotalDistance / ReachCount;
}
