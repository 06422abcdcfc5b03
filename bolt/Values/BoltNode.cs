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
