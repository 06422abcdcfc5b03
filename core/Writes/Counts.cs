namespace FilmGraph.Core;

public sealed record Counts(int Created, int Updated, int Unchanged)
{
    public static readonly Counts Zero = new(0, 0, 0);
    public int Total => Created + Updated + Unchanged;
    public Counts Add(Counts other) => new(Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged);
}
