using System.Collections;

namespace FilmGraph.Bolt.PackStream;

/// <summary>LIST: an item count and that many values of any type; decoded as <see cref="List{T}"/> of object.</summary>
internal static class ListCodec
{
    public static void WriteHeader(PackStreamWriter writer, int count) =>
        writer.WriteSizedHeader(count, Markers.TinyListBase, Markers.List8, Markers.List16, Markers.List32);

    public static void Write(PackStreamWriter writer, IEnumerable values)
    {
        if (values is ICollection collection)
        {
            WriteHeader(writer, collection.Count);
            foreach (var item in collection)
            {
                writer.WriteValue(item);
            }
            return;
        }
        var items = new List<object?>();
        foreach (var item in values)
        {
            items.Add(item);
        }
        Write(writer, items);
    }

    public static int ReadSize(ref PackStreamReader reader, byte marker) => marker switch
    {
        Markers.List8 => reader.ReadByte(),
        Markers.List16 => reader.ReadUInt16(),
        _ => reader.ReadSize32(),
    };

    public static List<object?> ReadBody(ref PackStreamReader reader, int count)
    {
        reader.CheckCount(count, 1);
        reader.Enter();
        var list = new List<object?>(Math.Min(count, PackStreamReader.MaxPreallocated));
        for (var i = 0; i < count; i++)
        {
            list.Add(reader.ReadValue());
        }
        reader.Leave();
        return list;
    }
}
