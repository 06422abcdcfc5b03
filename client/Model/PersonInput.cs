namespace FilmGraph.Client;

/// <summary>A person to create, or to update by id.</summary>
/// <param name="Id">The stable id, e.g. <c>emma-stone</c>.</param>
/// <param name="Name">The name the person is known by.</param>
/// <param name="Born">The year of birth.</param>
/// <param name="Aliases">Other names; left out, none.</param>
public sealed record PersonInput(string Id, string Name, int? Born = null, IReadOnlyList<string>? Aliases = null);
