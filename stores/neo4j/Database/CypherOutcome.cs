namespace FilmGraph.Store.Neo4j;

/// <summary>The rows a statement returned, and the server's own count of what it created.</summary>
public sealed record CypherOutcome(IReadOnlyList<CypherRow> Rows, int NodesCreated, int RelationshipsCreated);
