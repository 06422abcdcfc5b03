namespace FilmGraph.Client;

/// <summary>A person who worked on films.</summary>
/// <param name="Id">The stable id, e.g. <c>emma-stone</c>.</param>
/// <param name="Name">The name the person is known by (names are not unique).</param>
/// <param name="Born">The year of birth, when known.</param>
/// <param name="Aliases">Other names the person is known by.</param>
public sealed record Person(string Id, string Name, int? Born, IReadOnlyList<string> Aliases);
