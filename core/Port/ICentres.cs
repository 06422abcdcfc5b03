namespace FilmGraph.Core;

/// <summary>
/// The centre of the film universe (<see cref="Traversal"/>, "Centres"): ranked ahead of time, because ranking
/// takes thousands of full searches, and served from what the last ranking kept.
/// </summary>
public interface ICentres
{
    /// <summary>
    /// The best centres of the via set as last computed, at least the first <paramref name="first"/> kept (a store
    /// may return more, in any order); empty when none have been. <see cref="CentresStatusAsync"/> says how current.
    /// </summary>
    Task<IReadOnlyList<Centre>> CentresAsync(IReadOnlyList<RelationshipType> via, int first, CancellationToken ct = default);

    Task<CentresStatus> CentresStatusAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct = default);

    /// <summary>Ranks the via set's candidates now and keeps the result, telling <paramref name="progress"/> along the way.</summary>
    Task<CentresStatus> ComputeCentresAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct = default);
}
