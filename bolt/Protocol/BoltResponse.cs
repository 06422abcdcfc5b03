namespace FilmGraph.Bolt.Protocol;

internal enum ResponseKind : byte
{
    Success = 0x70,
    Record = 0x71,
    Ignored = 0x7E,
    Failure = 0x7F,
}

/// <summary>One message from the server. A struct so a RECORD costs nothing beyond its values.</summary>
internal readonly struct BoltResponse(ResponseKind kind, Dictionary<string, object?>? metadata, object?[]? values)
{
    private static readonly Dictionary<string, object?> Empty = [];

    public ResponseKind Kind { get; } = kind;

    public Dictionary<string, object?> Metadata { get; } = metadata ?? Empty;

    public object?[] Values { get; } = values ?? [];

    public bool IsSummary => Kind != ResponseKind.Record;

    public object? Get(string key) => Metadata.TryGetValue(key, out var value) ? value : null;
}
