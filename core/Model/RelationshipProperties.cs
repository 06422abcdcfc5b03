namespace FilmGraph.Core;

/// <summary>
/// Optional properties of a relationship. Which ones make sense depends on the type:
/// role and billing for CAST_IN, role and reason for DROPPED_FROM, context and description for CONFLICTED_WITH.
/// </summary>
public sealed record RelationshipProperties(
    string? Role = null,
    int? Billing = null,
    string? Reason = null,
    string? Context = null,
    string? Description = null,
    Source? Source = null)
{
    public static readonly RelationshipProperties None = new();
}
