namespace FilmGraph.Client;

/// <summary>A film to create, or to update by id.</summary>
/// <param name="Id">The stable id, e.g. <c>la-la-land-2016</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Year">The release year.</param>
public sealed record FilmInput(string Id, string Title, int? Year = null);
