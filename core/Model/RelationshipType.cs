namespace FilmGraph.Core;

/// <summary>
/// The relationship types FilmGraph stores. Every one starts at a person. The numbers are stored in files:
/// never renumber, only append.
/// </summary>
public enum RelationshipType
{
    CastIn = 0,
    DroppedFrom = 1,
    ConflictedWith = 2,
    Directed = 3,
    Wrote = 4,
    Composed = 5,
    Produced = 6,
}
