namespace FilmGraph.Core;

/// <summary>The nodes and edges around a node, for drawing. <c>Truncated</c> says the node limit cut it short.</summary>
public sealed record Subgraph(IReadOnlyList<SubgraphNode> Nodes, IReadOnlyList<SubgraphEdge> Edges, bool Truncated);
