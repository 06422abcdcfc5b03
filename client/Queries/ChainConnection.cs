namespace FilmGraph.Client.Queries;

/// <summary>
/// The wire shape of <c>coStarChainsConnection</c> (Relay's connection), read into a <see cref="ChainPage"/>. The schema
/// lets edges and nodes be null (Relay's convention); a null one is left out of the page.
/// </summary>
internal sealed record ChainConnection(IReadOnlyList<ChainEdge?>? Edges, PageInfo PageInfo, int? TotalCount);
