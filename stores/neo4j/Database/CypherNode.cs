namespace FilmGraph.Store.Neo4j;

/// <summary>A node as a row holds it.</summary>
public sealed record CypherNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties)
{
    public object? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}
