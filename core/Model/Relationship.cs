namespace FilmGraph.Core;

/// <summary>
/// A directed relationship. Its identity is (type, from, to): importing the same triple again updates its properties.
/// </summary>
public sealed record Relationship(RelationshipType Type, string From, string To, RelationshipProperties Properties)
{
    public Relationship(RelationshipType type, string from, string to) : this(type, from, to, RelationshipProperties.None) { }
}
