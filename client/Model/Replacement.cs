namespace FilmGraph.Client;

/// <summary>Who replaced whom: <paramref name="Dropped"/> left a role on a film and <paramref name="Cast"/> was cast in it.</summary>
/// <param name="Film">The film.</param>
/// <param name="Role">The role, as the cast credit gives it.</param>
/// <param name="Dropped">Who left the role.</param>
/// <param name="Cast">Who was cast in it.</param>
/// <param name="Reason">Why the dropped person left, when known.</param>
/// <param name="Source">Where the drop is stated.</param>
public sealed record Replacement(Film Film, string? Role, Person Dropped, Person Cast, string? Reason, Source? Source);
