namespace FilmGraph.Client;

/// <summary>One step of a chain: <paramref name="From"/> and <paramref name="To"/> both relate to <paramref name="Film"/>.</summary>
/// <param name="From">The person the step starts at.</param>
/// <param name="Film">The film they share.</param>
/// <param name="To">The person the step ends at.</param>
/// <param name="FromRole">The role <paramref name="From"/> had on the film, when known.</param>
/// <param name="ToRole">The role <paramref name="To"/> had on the film, when known.</param>
/// <param name="FromType">How <paramref name="From"/> relates to the film.</param>
/// <param name="ToType">How <paramref name="To"/> relates to the film.</param>
public sealed record ChainLink(Person From, Film Film, Person To, string? FromRole, string? ToRole, RelationshipType FromType, RelationshipType ToType);
