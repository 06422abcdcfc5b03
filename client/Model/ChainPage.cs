namespace FilmGraph.Client;

/// <summary>One page of shortest co-star chains, and where the next page starts.</summary>
/// <param name="Chains">The chains of this page, in the server's stable order.</param>
/// <param name="Cursors">The cursor of each chain, in the same order: a page after one of them starts behind it.</param>
/// <param name="HasNextPage">True when more chains follow this page.</param>
/// <param name="EndCursor">The cursor to pass as <c>after</c> for the next page; null on an empty page.</param>
/// <param name="TotalCount">How many shortest chains there are in all, when the server says.</param>
public sealed record ChainPage(IReadOnlyList<Chain> Chains, IReadOnlyList<string> Cursors, bool HasNextPage, string? EndCursor, int? TotalCount);
