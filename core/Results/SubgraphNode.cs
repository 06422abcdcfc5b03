namespace FilmGraph.Core;

public sealed record SubgraphNode(string Id, NodeKind Kind, string Label, int? Year, int Distance);
