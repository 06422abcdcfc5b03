namespace FilmGraph.Client;

/// <summary>A film.</summary>
/// <param name="Id">The stable id, e.g. <c>la-la-land-2016</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Year">The release year, when known.</param>
public sealed record Film(string Id, string Title, int? Year);
