namespace FilmGraph.Bolt;

/// <summary>A node as the server sent it. <see cref="Id"/> is the legacy numeric id; prefer <see cref="ElementId"/>.</summary>
public sealed record BoltNode(
    long Id,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, object?> Properties,
    string ElementId)
{
    public object? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}

/// <summary>A relationship with both ends known.</summary>
public sealed record BoltRelationship(
    long Id,
    long StartNodeId,
    long EndNodeId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties,
    string ElementId,
    string StartNodeElementId,
    string EndNodeElementId)
{
    public object? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}

/// <summary>An alternating sequence of nodes and relationships; relationships are oriented as stored, not as walked.</summary>
public sealed record BoltPath(IReadOnlyList<BoltNode> Nodes, IReadOnlyList<BoltRelationship> Relationships)
{
    public BoltNode Start => Nodes[0];
    public BoltNode End => Nodes[^1];
}
