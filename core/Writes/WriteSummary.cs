namespace FilmGraph.Core;

public sealed record WriteSummary(Counts People, Counts Films, Counts Relationships)
{
    public static readonly WriteSummary Zero = new(Counts.Zero, Counts.Zero, Counts.Zero);
    public WriteSummary Add(WriteSummary other) =>
        new(People.Add(other.People), Films.Add(other.Films), Relationships.Add(other.Relationships));
}
