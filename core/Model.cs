namespace FilmGraph.Core;

/// <summary>A person. Ids are stable strings given by the data; names are not unique.</summary>
public sealed record Person(string Id, string Name, int? Born = null, IReadOnlyList<string>? Aliases = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];

    public bool Equals(Person? other) =>
        other is not null && Id == other.Id && Name == other.Name && Born == other.Born && Aliases.SequenceEqual(other.Aliases);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Born);
}

/// <summary>A film.</summary>
public sealed record Film(string Id, string Title, int? Year = null);

/// <summary>Where a fact came from: a document name or URL and a short quote from it.</summary>
public sealed record Source(string Document, string? Quote = null);

/// <summary>
/// Optional properties of a relationship. Which ones make sense depends on the type:
/// role and billing for CAST_IN, role and reason for DROPPED_FROM, context and description for CONFLICTED_WITH.
/// </summary>
public sealed record RelationshipProperties(
    string? Role = null,
    int? Billing = null,
    string? Reason = null,
    string? Context = null,
    string? Description = null,
    Source? Source = null)
{
    public static readonly RelationshipProperties None = new();
}

/// <summary>
/// A directed relationship. Its identity is (type, from, to): importing the same triple again updates its properties.
/// </summary>
public sealed record Relationship(RelationshipType Type, string From, string To, RelationshipProperties Properties)
{
    public Relationship(RelationshipType type, string from, string to) : this(type, from, to, RelationshipProperties.None) { }
}

public enum NodeKind { Person, Film }
