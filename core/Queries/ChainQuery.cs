namespace FilmGraph.Core;

/// <summary>
/// A co-star chain question. A chain is a shortest alternating sequence person, film, person, ..., person in which
/// each person has a relationship of one of the <see cref="Via"/> types to the film beside them. Excluded people and
/// films, and films outside [FromYear, ToYear], are not walked through (a film with no year is outside any year range).
/// </summary>
public sealed record ChainQuery
{
    public required string From { get; init; }
    public required string To { get; init; }
    public int MaxHops { get; init; } = Limits.DefaultMaxHops;
    public IReadOnlyList<RelationshipType> Via { get; init; } = [RelationshipType.CastIn];
    public IReadOnlySet<string> ExcludeFilms { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> ExcludePeople { get; init; } = new HashSet<string>();
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }

    public bool HasYearFilter => FromYear is not null || ToYear is not null;

    public bool FilmYearAllowed(int? year) =>
        !HasYearFilter || (year is int y && (FromYear is not int lo || y >= lo) && (ToYear is not int hi || y <= hi));

    /// <summary>Refuses arguments out of range, naming the argument.</summary>
    public ChainQuery Validated()
    {
        Limits.Check("maxHops", MaxHops, 0, Limits.MaxHopsCeiling);
        Traversal.CheckPersonFilmTypes("via", Via);
        if (FromYear is int lo && ToYear is int hi && lo > hi)
            throw GraphQueryException.BadInput("fromYear", $"'fromYear' ({lo}) is after 'toYear' ({hi}).");
        if (ExcludePeople.Contains(From))
            throw GraphQueryException.BadInput("excludePeople", $"'{From}' is both the start of the chain and excluded.");
        if (ExcludePeople.Contains(To))
            throw GraphQueryException.BadInput("excludePeople", $"'{To}' is both the end of the chain and excluded.");
        return this;
    }
}
