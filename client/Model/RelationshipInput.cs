namespace FilmGraph.Client;

/// <summary>
/// A relationship to add, or to update by (<paramref name="Type"/>, <paramref name="From"/>, <paramref name="To"/>).
/// Both ends must exist, or be written in the same request.
/// </summary>
/// <param name="Type">The kind of relationship.</param>
/// <param name="From">The person it starts at.</param>
/// <param name="To">The film it points at (a person for <see cref="RelationshipType.ConflictedWith"/>).</param>
/// <param name="Role">Cast in or dropped from: the character.</param>
/// <param name="Billing">Cast in: the place in the credits.</param>
/// <param name="Reason">Dropped from: why.</param>
/// <param name="Context">Conflicted with: the film's id or a description.</param>
/// <param name="Description">Conflicted with: what happened.</param>
/// <param name="Source">Where the fact came from.</param>
public sealed record RelationshipInput(
    RelationshipType Type, string From, string To, string? Role = null, int? Billing = null, string? Reason = null,
    string? Context = null, string? Description = null, Source? Source = null);
