namespace FilmGraph.Bolt.PackStream;

/// <summary>INTEGER: always the smallest of tiny, INT_8, INT_16, INT_32, INT_64; decoded as <see cref="long"/>.</summary>
internal static class IntegerCodec
{
    private const int CachedMin = -16;
    private const int CachedMax = 127;

    // Tiny integers are most of what a stream carries (counts, small ids); one box each, shared.
    private static readonly object[] SmallBoxes = CreateBoxes();

    public static void Write(PackStreamWriter writer, long value)
    {
        if (value is >= -16 and <= 127)
        {
            writer.WriteByte((byte)(sbyte)value);
        }
        else if (value is >= sbyte.MinValue and < -16)
        {
            writer.WriteByte(Markers.Int8);
            writer.WriteByte((byte)(sbyte)value);
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            writer.WriteByte(Markers.Int16);
            writer.WriteUInt16((ushort)(short)value);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            writer.WriteByte(Markers.Int32);
            writer.WriteUInt32((uint)(int)value);
        }
        else
        {
            writer.WriteByte(Markers.Int64);
            writer.WriteInt64(value);
        }
    }

    public static long ReadBody(ref PackStreamReader reader, byte marker) => marker switch
    {
        Markers.Int8 => (sbyte)reader.ReadByte(),
        Markers.Int16 => reader.ReadInt16(),
        Markers.Int32 => reader.ReadInt32(),
        _ => reader.ReadInt64(),
    };

    public static object Box(long value) =>
        value is >= CachedMin and <= CachedMax ? SmallBoxes[value - CachedMin] : value;

    private static object[] CreateBoxes()
    {
        var boxes = new object[CachedMax - CachedMin + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)(i + CachedMin);
        }
        return boxes;
    }
}
