namespace FilmGraph.Core;

/// <summary>A person's credit on a film (any person-to-film type), with the relationship's properties.</summary>
public sealed record Credit(Person Person, Film Film, RelationshipType Type, RelationshipProperties Properties);
