namespace FilmGraph.Bolt;

/// <summary>An alternating sequence of nodes and relationships; relationships are oriented as stored, not as walked.</summary>
public sealed record BoltPath(IReadOnlyList<BoltNode> Nodes, IReadOnlyList<BoltRelationship> Relationships)
{
    public BoltNode Start => Nodes[0];
    public BoltNode End => Nodes[^1];
}
