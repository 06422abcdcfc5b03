namespace FilmGraph.Bolt.PackStream;

/// <summary>BYTES: a length (8, 16 or 32 bit; there is no tiny form) and raw bytes.</summary>
internal static class BytesCodec
{
    public static void Write(PackStreamWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.WriteSizedHeader(bytes.Length, 0, Markers.Bytes8, Markers.Bytes16, Markers.Bytes32);
        writer.Buffer.Write(bytes);
    }

    public static byte[] ReadBody(ref PackStreamReader reader, byte marker)
    {
        var size = marker switch
        {
            Markers.Bytes8 => reader.ReadByte(),
            Markers.Bytes16 => reader.ReadUInt16(),
            _ => reader.ReadSize32(),
        };
        return reader.ReadSpan(size).ToArray();
    }
}
