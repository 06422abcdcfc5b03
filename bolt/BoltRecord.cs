using System.Globalization;

namespace FilmGraph.Bolt;

/// <summary>One row of a result: values by position and by key.</summary>
public sealed class BoltRecord
{
    private readonly RecordKeys _keys;
    private readonly object?[] _values;

    internal BoltRecord(RecordKeys keys, object?[] values)
    {
        if (values.Length != keys.Names.Length)
        {
            throw new BoltProtocolException($"A record has {values.Length} values for {keys.Names.Length} keys.");
        }
        _keys = keys;
        _values = values;
    }

    public IReadOnlyList<string> Keys => _keys.Names;

    public IReadOnlyList<object?> Values => _values;

    public object? this[int index] => _values[index];

    public object? this[string key] => _values[_keys.IndexOf(key)];

    public bool ContainsKey(string key) => _keys.TryIndexOf(key, out _);

    /// <summary>The value converted to <typeparamref name="T"/>: integers narrow with a range check, lists and maps pass through.</summary>
    public T Get<T>(string key) => Convert<T>(this[key], key);

    public T Get<T>(int index) => Convert<T>(_values[index], Keys[index]);

    public IReadOnlyDictionary<string, object?> ToDictionary()
    {
        var map = new Dictionary<string, object?>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            map[_keys.Names[i]] = _values[i];
        }
        return map;
    }

    public override string ToString() => "{" + string.Join(", ", _keys.Names.Select((k, i) => $"{k}: {_values[i] ?? "null"}")) + "}";

    private static T Convert<T>(object? value, string key)
    {
        switch (value)
        {
            case T typed:
                return typed;
            case null when default(T) is null:
                return default!;
            case null:
                throw new InvalidCastException($"'{key}' is null and cannot be read as {typeof(T)}.");
        }
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            try
            {
                return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
            catch (OverflowException e)
            {
                throw new InvalidCastException($"'{key}' = {value} does not fit in {typeof(T)}.", e);
            }
        }
        throw new InvalidCastException($"'{key}' holds a {value.GetType()}, not a {typeof(T)}.");
    }
}

/// <summary>The column names of a result, shared by all its records.</summary>
internal sealed class RecordKeys
{
    private readonly Dictionary<string, int> _index;

    public RecordKeys(string[] names)
    {
        Names = names;
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _index.TryAdd(names[i], i);
        }
    }

    public string[] Names { get; }

    public bool TryIndexOf(string key, out int index) => _index.TryGetValue(key, out index);

    public int IndexOf(string key) =>
        _index.TryGetValue(key, out var index) ? index : throw new KeyNotFoundException($"The result has no column '{key}'; it has {string.Join(", ", Names)}.");
}
