namespace FilmGraph.Bolt;

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
