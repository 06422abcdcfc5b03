namespace FilmGraph.Bench;

/// <summary>The sizes the benchmarks are run at.</summary>
public sealed record GraphSize(string Name, int People, int Films, int CastLinks)
{
    public static readonly GraphSize[] All =
    [
        new("S", 10_000, 3_000, 50_000),
        new("M", 100_000, 30_000, 500_000),
        new("L", 1_000_000, 300_000, 5_000_000),
        new("XL", 10_000_000, 3_000_000, 30_000_000),
    ];

    public static GraphSize Parse(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown size '{name}'; use one of {string.Join(", ", All.Select(s => s.Name))}.");
}
