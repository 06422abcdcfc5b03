namespace FilmGraph.Store.Neo4j;

/// <summary>A relationship as a row holds it.</summary>
public sealed record CypherRelationship(string ElementId, string Type, IReadOnlyDictionary<string, object?> Properties)
{
    public object? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}
