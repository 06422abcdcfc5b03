namespace FilmGraph.Store.Neo4j;

/// <summary>
/// One row of a statement's result, by column name. Values are .NET values (long, double, string, bool, lists,
/// maps) or <see cref="CypherNode"/>, <see cref="CypherRelationship"/>, <see cref="CypherPath"/>.
/// </summary>
public sealed class CypherRow(IReadOnlyDictionary<string, object?> values)
{
    public object? this[string key] =>
        values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no column '{key}'; it has {string.Join(", ", values.Keys)}.");

    /// <summary>The value as <typeparamref name="T"/>. Cypher integers are <see cref="long"/>; read as <see cref="int"/> they are range-checked.</summary>
    public T Get<T>(string key) => this[key] switch
    {
        T typed => typed,
        null when default(T) is null => default!,
        long integer when typeof(T) == typeof(int) || typeof(T) == typeof(int?) =>
            integer is >= int.MinValue and <= int.MaxValue ? (T)(object)(int)integer : throw new InvalidCastException($"'{key}' = {integer} does not fit in an int."),
        var other => throw new InvalidCastException($"'{key}' holds {other?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
    };
}
