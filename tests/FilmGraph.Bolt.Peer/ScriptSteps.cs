namespace FilmGraph.Bolt.Peer;

/// <summary>One line or block of a <see cref="Script"/>.</summary>
internal abstract class Step;

internal abstract class MessageStep : Step
{
    public string Name { get; init; } = "";

    public List<object?> Fields { get; init; } = [];

    public override string ToString() => $"{Name} {string.Join(" ", Fields.Select(PeerValues.Render))}".Trim();
}

/// <summary>C: a message the client must send.</summary>
internal sealed class ClientStep : MessageStep
{
    public bool Matches(PeerRequest request) =>
        request.Message == Name && request.Fields.Count == Fields.Count && Fields.Select((f, i) => Match(f, request.Fields[i])).All(m => m);

    private static bool Match(object? expected, object? actual) => expected switch
    {
        "*" => true,
        PeerStruct structure => Equals(structure.Decode(), actual),
        null => actual is null,
        IReadOnlyDictionary<string, object?> map => actual is IReadOnlyDictionary<string, object?> other
            && map.Where(kv => kv.Key != "...").All(kv => other.TryGetValue(kv.Key, out var v) && Match(kv.Value, v))
            && (map.ContainsKey("...") || other.Keys.All(map.ContainsKey)),
        List<object?> list => actual is List<object?> other && other.Count == list.Count && list.Select((e, i) => Match(e, other[i])).All(m => m),
        _ => Equals(expected, actual),
    };
}

/// <summary>S: a reply, or one of &lt;EXIT&gt;, &lt;NOOP&gt;, &lt;RAW&gt;.</summary>
internal sealed class ServerStep : MessageStep;

/// <summary>{? ... ?}: a block the client may take or skip.</summary>
internal sealed class OptionalStep(List<Step> block) : Step
{
    public List<Step> Block { get; } = block;
}

/// <summary>{* ... *}: a block repeated while the client goes on with it.</summary>
internal sealed class RepeatStep(List<Step> block) : Step
{
    public List<Step> Block { get; } = block;
}
