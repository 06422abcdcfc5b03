namespace FilmGraph.Core;

/// <summary>
/// One page of a person's credits: of <paramref name="Types"/> (all person-to-film types when null), on films released
/// in [<paramref name="FromYear"/>, <paramref name="ToYear"/>] when either is given, in <paramref name="Order"/>,
/// skipping the first <paramref name="Offset"/> and taking at most <paramref name="First"/>.
/// </summary>
public sealed record CreditsQuery(
    string PersonId,
    IReadOnlyCollection<RelationshipType>? Types,
    int? FromYear,
    int? ToYear,
    CreditOrder Order,
    int Offset,
    int First)
{
    /// <summary>Checks the page against <see cref="Limits"/>; the person is checked by the guard against the store.</summary>
    public CreditsQuery Validated()
    {
        Limits.Check("first", First, 1, Limits.PageCeiling);
        if (Offset < 0) throw GraphQueryException.BadInput("after", "'after' names a position before the first credit.");
        return this;
    }
}
