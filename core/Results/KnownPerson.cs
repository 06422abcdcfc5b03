namespace FilmGraph.Core;

/// <summary>
/// One of the people a film is best known for: a credit of any person-to-film type but DROPPED_FROM, with how many
/// such credits the person has in all (<see cref="Traversal.KnownPeopleOrder"/> ranks by it).
/// </summary>
public sealed record KnownPerson(string FilmId, Person Person, RelationshipType Type, int Credits);
