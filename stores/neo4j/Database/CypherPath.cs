namespace FilmGraph.Store.Neo4j;

/// <summary>A path as a row holds it: its nodes in walking order, and the relationships between them.</summary>
public sealed record CypherPath(IReadOnlyList<CypherNode> Nodes, IReadOnlyList<CypherRelationship> Relationships);
