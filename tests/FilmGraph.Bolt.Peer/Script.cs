using System.Text;
using System.Text.Json;

namespace FilmGraph.Bolt.Peer;

/// <summary>
/// A conversation the scripted peer follows, in the spirit of Neo4j's driver test kit stub scripts:
/// <code>
/// !: BOLT 5.4              version(s) the peer accepts through the four handshake slots
/// !: MANIFEST 6.0 5.8      offer these through manifest v1 instead (when the client asks for it)
/// !: HANDSHAKE 00000000    answer the handshake with these raw bytes and hang up
/// !: AUTO RESET            answer any unexpected RESET with SUCCESS {}
/// C: RUN "RETURN 1" {} {}  a message the client must send; JSON fields, "*" matches anything,
///                          a map matches only with exactly its keys unless it holds "...": "*"
/// S: SUCCESS {"fields": ["n"]}   a reply; {"#struct": [tag, field...]} writes a structure,
///                          "$param.name" the parameter name of the last RUN
/// S: &lt;NOOP&gt;  S: &lt;EXIT&gt;   a keep-alive chunk; hang up
/// S: &lt;RAW&gt; "0004B171"  these bytes (hex) as they are
/// {? ... ?}  an optional block; {* ... *} a block repeated while the client goes on with it
/// ?: GOODBYE    an optional single client message
/// </code>
/// </summary>
internal sealed class Script : IConversation
{
    /// <summary>No directives and no steps: the handshake's defaults (Bolt 5.4 through the slots).</summary>
    public static readonly Script Empty = new([], []);

    private Script(List<Step> steps, List<string> directives)
    {
        Steps = steps;
        Directives = directives;
    }

    public List<Step> Steps { get; }

    public List<string> Directives { get; }

    public bool AutoReset => Directives.Contains("AUTO RESET");

    public string? Directive(string name) =>
        Directives.FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..];

    public Task FollowAsync(PeerConnection connection) => new ScriptWalk(connection, this).FollowAsync();

    public static Script Parse(string text)
    {
        var directives = new List<string>();
        var stack = new Stack<List<Step>>();
        var root = new List<Step>();
        stack.Push(root);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("!:", StringComparison.Ordinal))
            {
                directives.Add(line[2..].Trim());
            }
            else if (line is "{?" or "{*")
            {
                var block = new List<Step>();
                stack.Peek().Add(line == "{?" ? new OptionalStep(block) : new RepeatStep(block));
                stack.Push(block);
            }
            else if (line is "?}" or "*}")
            {
                stack.Pop();
            }
            else if (line.StartsWith("C:", StringComparison.Ordinal))
            {
                stack.Peek().Add(ParseMessage<ClientStep>(line[2..]));
            }
            else if (line.StartsWith("?:", StringComparison.Ordinal))
            {
                stack.Peek().Add(new OptionalStep([ParseMessage<ClientStep>(line[2..])]));
            }
            else if (line.StartsWith("S:", StringComparison.Ordinal))
            {
                stack.Peek().Add(ParseMessage<ServerStep>(line[2..]));
            }
            else
            {
                throw new FormatException($"Cannot parse script line: {line}");
            }
        }
        return new Script(root, directives);
    }

    private static T ParseMessage<T>(string text) where T : MessageStep, new()
    {
        text = text.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? text : text[..space];
        var fields = new List<object?>();
        if (space >= 0)
        {
            var bytes = Encoding.UTF8.GetBytes(text[(space + 1)..]);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                fields.Add(ToValue(JsonElement.ParseValue(ref reader)));
            }
        }
        return new T { Name = name, Fields = fields };
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) && !element.GetRawText().Contains('.', StringComparison.Ordinal)
            ? (object)l
            : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object when element.TryGetProperty("#struct", out var s) => new PeerStruct(
            (byte)s[0].GetInt32(), s.EnumerateArray().Skip(1).Select(ToValue).ToList()),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => throw new FormatException($"Unsupported JSON value {element}"),
    };
}
