namespace FilmGraph.Core;

/// <summary>
/// Derived, not stored: <c>Dropped</c> was dropped from <c>Film</c> in <c>Role</c> and <c>Cast</c> was cast in it in that role.
/// </summary>
public sealed record Replacement(Film Film, string? Role, Person Dropped, Person Cast, string? Reason, Source? Source);
