namespace FilmGraph.Client.Queries;

/// <summary>Whether a connection has more after this page, and where it ended.</summary>
internal sealed record PageInfo(bool HasNextPage, string? EndCursor);
