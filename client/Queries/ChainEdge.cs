namespace FilmGraph.Client.Queries;

/// <summary>One chain of a connection, and the cursor a page after it starts behind.</summary>
internal sealed record ChainEdge(string Cursor, Chain? Node);
