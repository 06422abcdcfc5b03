namespace FilmGraph.Core;

/// <summary>
/// One of the films a person is best known for: a credit of any person-to-film type but DROPPED_FROM, with the
/// number of people cast in the film (<see cref="Traversal.KnownForOrder"/> ranks by it).
/// </summary>
public sealed record KnownCredit(string PersonId, Film Film, RelationshipType Type, int CastSize);
