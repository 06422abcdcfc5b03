namespace FilmGraph.Core;

/// <summary>What one write applies, whole or not at all.</summary>
public sealed record GraphBatch(IReadOnlyList<Person> People, IReadOnlyList<Film> Films, IReadOnlyList<Relationship> Relationships)
{
    public static GraphBatch Of(IEnumerable<Person>? people = null, IEnumerable<Film>? films = null, IEnumerable<Relationship>? relationships = null) =>
        new([.. people ?? []], [.. films ?? []], [.. relationships ?? []]);

    public bool IsEmpty => People.Count == 0 && Films.Count == 0 && Relationships.Count == 0;
}
