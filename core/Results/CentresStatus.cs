namespace FilmGraph.Core;

/// <summary>
/// Where the centres of one set of <c>via</c> types stand: when the ones served were computed (null when none
/// are), how many candidates that computation (or the running one) takes, and how many it has finished.
/// </summary>
public sealed record CentresStatus(CentresState State, DateTimeOffset? ComputedAt, int Candidates, int Done, IReadOnlyList<RelationshipType> Via);
