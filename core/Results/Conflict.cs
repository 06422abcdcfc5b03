namespace FilmGraph.Core;

/// <summary>
/// A CONFLICTED_WITH relationship seen from one person. <c>Outgoing</c> is true when the person is the relationship's start.
/// <c>Context</c> is the film the conflict arose on, when the data names one that exists.
/// </summary>
public sealed record Conflict(Person Other, bool Outgoing, Film? Context, string? ContextText, string? Description, Source? Source);
