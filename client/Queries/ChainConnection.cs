namespace FilmGraph.Client.Queries;

/// <summary>The wire shape of <c>coStarChainsConnection</c> (Relay's connection), read into a <see cref="ChainPage"/>.</summary>
internal sealed record ChainConnection(IReadOnlyList<ChainEdge> Edges, PageInfo PageInfo, int? TotalCount);
