namespace FilmGraph.Core;

public sealed record SubgraphEdge(RelationshipType Type, string From, string To, string? Role);
