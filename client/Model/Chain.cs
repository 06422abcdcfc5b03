namespace FilmGraph.Client;

/// <summary>A co-star chain: person, film, person, ..., person. A person's chain to themself has length 0 and no links.</summary>
/// <param name="Length">The number of films in the chain.</param>
/// <param name="Links">The steps in order: each link's <see cref="ChainLink.To"/> is the next link's <see cref="ChainLink.From"/>.</param>
public sealed record Chain(int Length, IReadOnlyList<ChainLink> Links);
