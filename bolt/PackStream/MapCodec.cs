using System.Collections;

namespace FilmGraph.Bolt.PackStream;

/// <summary>DICTIONARY: an entry count, then string keys each followed by a value. A repeated key keeps its last value.</summary>
internal static class MapCodec
{
    public static void WriteHeader(PackStreamWriter writer, int count) =>
        writer.WriteSizedHeader(count, Markers.TinyMapBase, Markers.Map8, Markers.Map16, Markers.Map32);

    public static void Write(PackStreamWriter writer, IReadOnlyDictionary<string, object?> map)
    {
        WriteHeader(writer, map.Count);
        foreach (var (key, value) in map)
        {
            StringCodec.Write(writer, key);
            writer.WriteValue(value);
        }
    }

    public static void Write(PackStreamWriter writer, IDictionary map)
    {
        WriteHeader(writer, map.Count);
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string key)
            {
                throw new BoltClientException($"Map keys must be strings, not {entry.Key.GetType()}.");
            }
            StringCodec.Write(writer, key);
            writer.WriteValue(entry.Value);
        }
    }

    public static int ReadSize(ref PackStreamReader reader, byte marker) => marker switch
    {
        Markers.Map8 => reader.ReadByte(),
        Markers.Map16 => reader.ReadUInt16(),
        _ => reader.ReadSize32(),
    };

    public static Dictionary<string, object?> ReadBody(ref PackStreamReader reader, int count)
    {
        reader.CheckCount(count, 2);
        reader.Enter();
        var map = new Dictionary<string, object?>(Math.Min(count, PackStreamReader.MaxPreallocated));
        for (var i = 0; i < count; i++)
        {
            var key = StringCodec.ReadKey(ref reader);
            map[key] = reader.ReadValue();
        }
        reader.Leave();
        return map;
    }
}
