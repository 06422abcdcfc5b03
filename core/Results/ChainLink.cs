namespace FilmGraph.Core;

/// <summary>One step of a co-star chain: <c>From</c> and <c>To</c> both have a credit on <c>Film</c>.</summary>
public sealed record ChainLink(
    Person From, Film Film, Person To,
    RelationshipType FromType, string? FromRole,
    RelationshipType ToType, string? ToRole);
