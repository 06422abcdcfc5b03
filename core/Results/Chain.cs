namespace FilmGraph.Core;

/// <summary>A co-star chain. Length is the number of films; a person's chain to themself has length 0 and no links.</summary>
public sealed record Chain(IReadOnlyList<ChainLink> Links)
{
    public int Length => Links.Count;
}
