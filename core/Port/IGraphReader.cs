namespace FilmGraph.Core;

/// <summary>
/// Everything the API asks of a store. Unknown ids in arguments give <see cref="GraphQueryException"/> with
/// NOT_FOUND; arguments are checked against <see cref="Limits"/> by the query records' <c>Validated()</c>.
/// </summary>
public interface IGraphReader
{
    Task<Person?> GetPersonAsync(string id, CancellationToken ct = default);
    Task<Film?> GetFilmAsync(string id, CancellationToken ct = default);

    /// <summary>People whose name or an alias has the same <see cref="TextKey"/> as <paramref name="name"/>, in id order.</summary>
    Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default);

    /// <summary>Films whose title has the same <see cref="TextKey"/>, and the year when given, in id order.</summary>
    Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default);

    /// <summary>People and films by name or title: exact words first, then prefixes, then small typos.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default);

    /// <summary>A person's person-to-film credits of the given types (all when null), by film id then type.</summary>
    Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default);

    /// <summary>A film's credits of the given types (all when null), by type then person id.</summary>
    Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default);

    /// <summary>CONFLICTED_WITH in both directions, by other person's id.</summary>
    Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default);

    /// <summary>People sharing a CAST_IN film with the person, in <see cref="Traversal.CoStarOrder"/>.</summary>
    Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default);

    /// <summary>Up to <paramref name="first"/> shortest chains in <see cref="Traversal.ChainOrder"/>; empty when none is within MaxHops.</summary>
    Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default);

    /// <summary>The length of a shortest chain, or null when none is within MaxHops.</summary>
    Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default);

    Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default);

    Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default);

    /// <summary>Replacements on one film, or everywhere when <paramref name="filmId"/> is null, in <see cref="Traversal.ReplacementOrder"/>.</summary>
    Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default);

    /// <summary>Replacements in which the person was dropped or cast, in <see cref="Traversal.ReplacementOrder"/>.</summary>
    Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default);

    Task<GraphStats> StatsAsync(CancellationToken ct = default);
}
