namespace FilmGraph.Core;

/// <summary>A film.</summary>
public sealed record Film(string Id, string Title, int? Year = null);
