using System.Collections;
using System.Globalization;
using System.Text.Json;
using FilmGraph.Bolt.PackStream;

namespace FilmGraph.Bolt.Peer;

/// <summary>How the peer writes the values of its replies, and how it shows values in its transcript.</summary>
internal static class PeerValues
{
    private const string EchoPrefix = "$param.";

    /// <summary>
    /// Like the client's own writer, plus what only a server sends: structures as given and the graph values.
    /// With <paramref name="echoed"/>, a string "$param.name" stands for that parameter of the last RUN, so that
    /// concurrent callers can each recognise their own answer.
    /// </summary>
    public static void Write(PackStreamWriter writer, object? value, IReadOnlyDictionary<string, object?>? echoed = null)
    {
        switch (value)
        {
            case string text when echoed is not null && text.StartsWith(EchoPrefix, StringComparison.Ordinal):
                writer.WriteValue(echoed.GetValueOrDefault(text[EchoPrefix.Length..]));
                break;
            case BoltNode or BoltRelationship or BoltPath:
                Write(writer, PeerStruct.Of(value), echoed);
                break;
            case PeerStruct structure:
                writer.WriteStructHeader(structure.Fields.Count, structure.Tag);
                structure.Fields.ForEach(field => Write(writer, field, echoed));
                break;
            case string or byte[]:
                writer.WriteValue(value);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteMapHeader(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.WriteString(key);
                    Write(writer, item, echoed);
                }
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                writer.WriteListHeader(items.Count);
                items.ForEach(item => Write(writer, item, echoed));
                break;
            default:
                writer.WriteValue(value);
                break;
        }
    }

    /// <summary>A value as a script line would write it.</summary>
    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => $"{JsonSerializer.Serialize(kv.Key)}: {Render(kv.Value)}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Render)) + "]",
        _ => value.ToString() ?? "?",
    };
}
