namespace FilmGraph.Core;

/// <summary>How a person's credits may be listed; see <see cref="Traversal.CreditsIn"/>.</summary>
public enum CreditOrder
{
    /// <summary>By film id, then type: the order every store answers in.</summary>
    FilmId,

    /// <summary>Latest release first; films without a year last; ties by film id, then type.</summary>
    NewestFirst,

    /// <summary>Earliest release first; films without a year last; ties by film id, then type.</summary>
    OldestFirst,
}
