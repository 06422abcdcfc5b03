namespace FilmGraph.Core;

/// <summary>A person. Ids are stable strings given by the data; names are not unique.</summary>
public sealed record Person(string Id, string Name, int? Born = null, IReadOnlyList<string>? Aliases = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];

    public bool Equals(Person? other) =>
        other is not null && Id == other.Id && Name == other.Name && Born == other.Born && Aliases.SequenceEqual(other.Aliases);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Born);
}
