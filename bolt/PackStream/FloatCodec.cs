using System.Buffers.Binary;

namespace FilmGraph.Bolt.PackStream;

/// <summary>FLOAT: always 64-bit IEEE 754, big-endian.</summary>
internal static class FloatCodec
{
    public static void Write(PackStreamWriter writer, double value)
    {
        writer.WriteByte(Markers.Float64);
        writer.WriteInt64(BitConverter.DoubleToInt64Bits(value));
    }

    public static object ReadBody(ref PackStreamReader reader) => ReadDouble(ref reader);

    public static double ReadDouble(ref PackStreamReader reader) =>
        BinaryPrimitives.ReadDoubleBigEndian(reader.ReadSpan(8));

    public static double Read(ref PackStreamReader reader)
    {
        var marker = reader.ReadByte();
        return marker == Markers.Float64
            ? ReadDouble(ref reader)
            : throw reader.Malformed($"expected a float, found marker 0x{marker:X2}");
    }
}
