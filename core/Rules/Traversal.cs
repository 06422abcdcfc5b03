namespace FilmGraph.Core;

/// <summary>
/// The rules every store follows, written once.
/// <para>
/// <b>Chain order.</b> Read a chain as the sequence of ids film1, person1, film2, person2, ..., filmN (the start is
/// the same for all). Among shortest chains, chains compare element by element in ordinal string order. The
/// single-chain query returns the least chain; the plural query returns the least <c>first</c> chains, in order.
/// When a person has several of the <c>via</c> types to a film, the link reports the first in enum order.
/// </para>
/// <para>
/// <b>Replacement.</b> A was dropped from film F in role R (DROPPED_FROM with role R) and B, another person, was cast
/// in F as R (CAST_IN with role R). Roles match when equal ignoring case and surrounding space; a drop with no role
/// replaces nobody. Replacements list in film id, role, dropped id, cast id order.
/// </para>
/// <para>
/// <b>Centres.</b> A person's distance to another is the least number of films of the <c>via</c> types a co-star
/// chain between them passes through, with no bound on hops (so it equals <c>reach</c>'s whenever the person reaches
/// everyone within <see cref="Limits.MaxHopsCeiling"/>). A person's average distance is the mean over everyone they
/// reach, not counting themself; someone who reaches nobody has none and is never a centre. Only candidates are
/// measured: the people with the most relationships of the <c>via</c> types (ties by id, ordinal), as many as the
/// store is configured for. Centres list in <see cref="CentreOrder"/>: lower average first (compared exactly, as
/// fractions), then more people reached, then id.
/// </para>
/// <para>
/// <b>Lists.</b> Every list an answer holds has one order, defined here and applied by <see cref="GuardedGraphStore"/>
/// whatever order a store fetched it in.
/// </para>
/// </summary>
public static class Traversal
{
    /// <summary>Ordinal comparison of two equally long chains by the rule above.</summary>
    public static readonly IComparer<Chain> ChainOrder = Comparer<Chain>.Create(CompareChains);

    private static int CompareChains(Chain? a, Chain? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var byLength = a.Length.CompareTo(b.Length);
        if (byLength != 0) return byLength;
        for (var i = 0; i < a.Length; i++)
        {
            var c = string.CompareOrdinal(a.Links[i].Film.Id, b.Links[i].Film.Id);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Links[i].To.Id, b.Links[i].To.Id);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Centres best first: lower average distance (exactly, as fractions), more people reached, then id.</summary>
    public static readonly IComparer<Centre> CentreOrder = Comparer<Centre>.Create((a, b) =>
        CompareCloseness(a!.TotalDistance, a.ReachCount, a.Person.Id, b!.TotalDistance, b.ReachCount, b.Person.Id));

    /// <summary>
    /// <see cref="CentreOrder"/> on the figures alone, for computations that rank people before they are
    /// <see cref="Person"/> objects. Both reach counts must be positive.
    /// </summary>
    public static int CompareCloseness(long totalA, long reachA, string idA, long totalB, long reachB, string idB)
    {
        // a/ra against b/rb without rounding: totals and counts stay far below 2^31, so the products fit a long.
        var c = (totalA * reachB).CompareTo(totalB * reachA);
        if (c == 0) c = reachB.CompareTo(reachA);
        return c != 0 ? c : string.CompareOrdinal(idA, idB);
    }

    /// <summary>Centre candidates best first: more relationships of the via types, then id.</summary>
    public static int CompareCandidates(int degreeA, string idA, int degreeB, string idB)
    {
        var c = degreeB.CompareTo(degreeA);
        return c != 0 ? c : string.CompareOrdinal(idA, idB);
    }

    /// <summary>The via types of a centres question as one set: checked like a chain's, then distinct and in enum order.</summary>
    public static IReadOnlyList<RelationshipType> CentresVia(IReadOnlyList<RelationshipType> via)
    {
        CheckPersonFilmTypes("via", via);
        return [.. via.Distinct().Order()];
    }

    public static void CheckPersonFilmTypes(string argument, IReadOnlyList<RelationshipType> types)
    {
        if (types.Count == 0)
            throw GraphQueryException.BadInput(argument, $"'{argument}' needs at least one relationship type.");
        if (types.Contains(RelationshipType.ConflictedWith))
            throw GraphQueryException.BadInput(argument,
                $"'{argument}' takes person-to-film types only; CONFLICTED_WITH links two people and cannot form a co-star chain.");
    }

    public static bool RolesMatch(string? dropped, string? cast) =>
        !string.IsNullOrWhiteSpace(dropped) && cast is not null &&
        string.Equals(dropped.Trim(), cast.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Derives the replacements on one film from its credits (any types; only drops and casts count).</summary>
    public static IEnumerable<Replacement> Replacements(IReadOnlyList<Credit> filmCredits)
    {
        var casts = filmCredits.Where(c => c.Type == RelationshipType.CastIn).ToList();
        return
            from drop in filmCredits
            where drop.Type == RelationshipType.DroppedFrom
            from cast in casts
            where cast.Person.Id != drop.Person.Id && RolesMatch(drop.Properties.Role, cast.Properties.Role)
            select new Replacement(drop.Film, cast.Properties.Role, drop.Person, cast.Person, drop.Properties.Reason, drop.Properties.Source);
    }

    public static readonly IComparer<Replacement> ReplacementOrder = Comparer<Replacement>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a!.Film.Id, b!.Film.Id);
        if (c == 0) c = string.CompareOrdinal(a.Role, b.Role);
        if (c == 0) c = string.CompareOrdinal(a.Dropped.Id, b.Dropped.Id);
        if (c == 0) c = string.CompareOrdinal(a.Cast.Id, b.Cast.Id);
        return c;
    });

    public static readonly IComparer<Person> PersonOrder = Comparer<Person>.Create((a, b) => string.CompareOrdinal(a!.Id, b!.Id));

    public static readonly IComparer<Film> FilmOrder = Comparer<Film>.Create((a, b) => string.CompareOrdinal(a!.Id, b!.Id));

    /// <summary>A person's credits: by film id, then type.</summary>
    public static readonly IComparer<Credit> PersonCreditOrder = Comparer<Credit>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a!.Film.Id, b!.Film.Id);
        return c != 0 ? c : a.Type.CompareTo(b.Type);
    });

    /// <summary>
    /// A person's credits in the order asked for, keeping only films released in [fromYear, toYear] when either is
    /// given (a film without a year is then left out, as for chains).
    /// </summary>
    public static IReadOnlyList<Credit> CreditsIn(IReadOnlyList<Credit> credits, CreditOrder order, int? fromYear, int? toYear)
    {
        var kept = fromYear is null && toYear is null
            ? credits
            : credits.Where(c => c.Film.Year is int y && (fromYear is not int lo || y >= lo) && (toYear is not int hi || y <= hi)).ToList();
        if (order == CreditOrder.FilmId) return [.. kept.Order(PersonCreditOrder)];
        var newest = order == CreditOrder.NewestFirst;
        return [.. kept.Order(Comparer<Credit>.Create((a, b) =>
        {
            if (a!.Film.Year != b!.Film.Year)
            {
                if (a.Film.Year is null) return 1;
                if (b.Film.Year is null) return -1;
                return newest ? b.Film.Year.Value.CompareTo(a.Film.Year.Value) : a.Film.Year.Value.CompareTo(b.Film.Year.Value);
            }
            return PersonCreditOrder.Compare(a, b);
        }))];
    }

    /// <summary>
    /// The query's page of a person's credits and how many match in all: <see cref="CreditsIn"/>, then the slice. Stores
    /// call it on credits without their properties (what an index holds) and read the properties of the page alone.
    /// </summary>
    public static Page<Credit> CreditsPage(IReadOnlyList<Credit> credits, CreditsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var typed = query.Types is null ? credits : credits.Where(c => query.Types.Contains(c.Type)).ToList();
        var kept = CreditsIn(typed, query.Order, query.FromYear, query.ToYear);
        return new Page<Credit>([.. kept.Skip(query.Offset).Take(query.First)], kept.Count);
    }

    /// <summary>A film's credits: by type, then person id.</summary>
    public static readonly IComparer<Credit> FilmCreditOrder = Comparer<Credit>.Create((a, b) =>
    {
        var c = a!.Type.CompareTo(b!.Type);
        return c != 0 ? c : string.CompareOrdinal(a.Person.Id, b.Person.Id);
    });

    /// <summary>A person's conflicts: by the other person's id, the one the person started first.</summary>
    public static readonly IComparer<Conflict> ConflictOrder = Comparer<Conflict>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a!.Other.Id, b!.Other.Id);
        return c != 0 ? c : b.Outgoing.CompareTo(a.Outgoing);
    });

    /// <summary>The edges of a neighbourhood: by start id, type, end id.</summary>
    public static readonly IComparer<SubgraphEdge> EdgeOrder = Comparer<SubgraphEdge>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a!.From, b!.From);
        if (c == 0) c = a.Type.CompareTo(b.Type);
        if (c == 0) c = string.CompareOrdinal(a.To, b.To);
        return c;
    });

    /// <summary>Co-stars, most shared films first, then by person id.</summary>
    public static readonly IComparer<CoStar> CoStarOrder = Comparer<CoStar>.Create((a, b) =>
    {
        var c = b!.SharedFilms.Count.CompareTo(a!.SharedFilms.Count);
        return c != 0 ? c : string.CompareOrdinal(a.Person.Id, b.Person.Id);
    });

    /// <summary>
    /// The films a person is best known for: the most people cast first, then the newer (a film with no year last),
    /// then by film id. DROPPED_FROM is not a credit to be known for; a film credited twice counts once, by its first
    /// type in enum order.
    /// </summary>
    public static readonly IComparer<KnownCredit> KnownForOrder = Comparer<KnownCredit>.Create((a, b) =>
    {
        var c = b!.CastSize.CompareTo(a!.CastSize);
        if (c == 0 && a.Film.Year != b.Film.Year) c = a.Film.Year is null ? 1 : b.Film.Year is null ? -1 : b.Film.Year.Value.CompareTo(a.Film.Year.Value);
        if (c == 0) c = string.CompareOrdinal(a.Film.Id, b.Film.Id);
        return c != 0 ? c : a.Type.CompareTo(b.Type);
    });

    /// <summary>Each person's first <paramref name="first"/> known-for films by <see cref="KnownForOrder"/>.</summary>
    public static IReadOnlyList<KnownCredit> KnownFor(IEnumerable<KnownCredit> credits, int first) =>
        [.. credits
            .Where(c => c.Type is not (RelationshipType.DroppedFrom or RelationshipType.ConflictedWith))
            .GroupBy(c => c.PersonId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Order(KnownForOrder).DistinctBy(c => c.Film.Id, StringComparer.Ordinal).Take(first))];

    /// <summary>
    /// The people a film is best known for: those with the most credits in all (any type but DROPPED_FROM) first,
    /// then by person id. A person credited twice on the film counts once, by their first type in enum order.
    /// </summary>
    public static readonly IComparer<KnownPerson> KnownPeopleOrder = Comparer<KnownPerson>.Create((a, b) =>
    {
        var c = b!.Credits.CompareTo(a!.Credits);
        if (c == 0) c = string.CompareOrdinal(a.Person.Id, b.Person.Id);
        return c != 0 ? c : a.Type.CompareTo(b.Type);
    });

    /// <summary>Each film's first <paramref name="first"/> known people by <see cref="KnownPeopleOrder"/>.</summary>
    public static IReadOnlyList<KnownPerson> KnownPeople(IEnumerable<KnownPerson> credits, int first) =>
        [.. credits
            .Where(c => c.Type is not (RelationshipType.DroppedFrom or RelationshipType.ConflictedWith))
            .GroupBy(c => c.FilmId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Order(KnownPeopleOrder).DistinctBy(c => c.Person.Id, StringComparer.Ordinal).Take(first))];
}
