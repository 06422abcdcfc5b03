using System.Text;

namespace FilmGraph.Bolt.PackStream;

/// <summary>STRING: UTF-8 bytes after a byte-length header (tiny up to 15 bytes).</summary>
internal static class StringCodec
{
    // Strict, so that invalid UTF-8 from the peer is reported instead of silently replaced.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(PackStreamWriter writer, string value)
    {
        var size = Utf8.GetByteCount(value);
        writer.WriteSizedHeader(size, Markers.TinyStringBase, Markers.String8, Markers.String16, Markers.String32);
        var span = writer.Buffer.GetSpan(size);
        Utf8.GetBytes(value, span);
        writer.Buffer.Advance(size);
    }

    public static int ReadSize(ref PackStreamReader reader, byte marker) => marker switch
    {
        Markers.String8 => reader.ReadByte(),
        Markers.String16 => reader.ReadUInt16(),
        _ => reader.ReadSize32(),
    };

    public static string ReadBody(ref PackStreamReader reader, int size)
    {
        if (size == 0)
        {
            return string.Empty;
        }
        var bytes = reader.ReadSpan(size);
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw reader.Malformed("a string is not valid UTF-8");
        }
    }
}
