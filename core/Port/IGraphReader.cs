namespace FilmGraph.Core;

/// <summary>
/// Everything the API asks of a store. A store only fetches: <see cref="GuardedGraphStore"/> checks arguments against
/// <see cref="Limits"/> and turns unknown ids and ids of the wrong kind into errors before a store is asked, and puts
/// every answer in its <see cref="Traversal"/> order after. A store given an id it does not hold answers empty.
/// </summary>
public interface IGraphReader
{
    /// <summary>The kind of each of <paramref name="ids"/> the store holds; ids it does not hold are left out.</summary>
    Task<IReadOnlyDictionary<string, NodeKind>> NodeKindsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    Task<Person?> GetPersonAsync(string id, CancellationToken ct = default);
    Task<Film?> GetFilmAsync(string id, CancellationToken ct = default);

    /// <summary>People whose name or an alias has the same <see cref="TextKey"/> as <paramref name="name"/>, in any order.</summary>
    Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default);

    /// <summary>Films whose title has the same <see cref="TextKey"/>, and the year when given, in any order.</summary>
    Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default);

    /// <summary>People and films by name or title: exact words first, then prefixes, then small typos.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default);

    /// <summary>A person's person-to-film credits of the given types (all when null).</summary>
    Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default);

    /// <summary>
    /// One page of a person's credits (<see cref="Traversal.CreditsPage"/>) and how many match in all, counted from what the
    /// store indexes: the properties of the page's credits are the only ones read.
    /// </summary>
    Task<Page<Credit>> PersonCreditsPageAsync(CreditsQuery query, CancellationToken ct = default);

    /// <summary>A film's credits of the given types (all when null).</summary>
    Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default);

    /// <summary>CONFLICTED_WITH in both directions.</summary>
    Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default);

    /// <summary>People sharing a CAST_IN film with the person: at least the first <paramref name="first"/> in <see cref="Traversal.CoStarOrder"/>.</summary>
    Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default);

    /// <summary>How many people share a CAST_IN film with the person.</summary>
    Task<int> CoStarCountAsync(string personId, CancellationToken ct = default);

    /// <summary>Up to <paramref name="first"/> shortest chains in <see cref="Traversal.ChainOrder"/>; empty when none is within MaxHops.</summary>
    Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default);

    /// <summary>The length of a shortest chain, or null when none is within MaxHops.</summary>
    Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default);

    /// <summary>
    /// How many shortest chains there are (chains as sequences of people and films, whatever types link them), or
    /// null when none is within MaxHops. A store may stop counting at a bound it documents, answering that bound.
    /// </summary>
    Task<long?> ChainCountAsync(ChainQuery query, CancellationToken ct = default);

    Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default);

    Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default);

    /// <summary>Replacements (<see cref="Traversal.Replacements"/>) on one film, or everywhere when <paramref name="filmId"/> is null.</summary>
    Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default);

    /// <summary>Replacements in which the person was dropped or cast (a store may return more).</summary>
    Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default);

    /// <summary>
    /// For each of <paramref name="personIds"/>, at least the first <paramref name="first"/> films in
    /// <see cref="Traversal.KnownForOrder"/> (one call for many people, so that a list of search hits costs one
    /// request); ids the store does not hold have none.
    /// </summary>
    Task<IReadOnlyList<KnownCredit>> KnownForAsync(IReadOnlyCollection<string> personIds, int first, CancellationToken ct = default);

    /// <summary>
    /// For each of <paramref name="filmIds"/>, at least the first <paramref name="first"/> people in
    /// <see cref="Traversal.KnownPeopleOrder"/>, in one call for many films; ids the store does not hold have none.
    /// </summary>
    Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(IReadOnlyCollection<string> filmIds, int first, CancellationToken ct = default);

    Task<GraphStats> StatsAsync(CancellationToken ct = default);
}
