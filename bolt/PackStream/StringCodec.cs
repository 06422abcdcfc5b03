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

    private const int KeyCacheSize = 256;
    private const int MaxCachedKeyBytes = 32;

    // Map keys, labels and relationship types repeat in every record of a result; a small per-thread
    // cache hands back the same string instead of allocating it again.
    [ThreadStatic]
    private static (byte[] Bytes, string Value)[]? _keyCache;

    /// <summary>Reads a string that is likely to repeat (a key, label or type), sharing earlier instances.</summary>
    public static string ReadKey(ref PackStreamReader reader)
    {
        var marker = reader.PeekByte();
        if (marker >> 4 != 0x8 && marker != Markers.String8)
        {
            return reader.ReadString();
        }
        reader.ReadByte();
        int size = marker == Markers.String8 ? reader.ReadByte() : marker & 0x0F;
        if (size > MaxCachedKeyBytes)
        {
            return ReadBody(ref reader, size);
        }
        var bytes = reader.ReadSpan(size);
        var cache = _keyCache ??= new (byte[], string)[KeyCacheSize];
        var slot = size == 0 ? 0 : (size * 31 + bytes[0] * 7 + bytes[size / 2] * 3 + bytes[size - 1]) % KeyCacheSize;
        var entry = cache[slot];
        if (entry.Bytes is not null && bytes.SequenceEqual(entry.Bytes))
        {
            return entry.Value;
        }
        string value;
        try
        {
            value = Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw reader.Malformed("a string is not valid UTF-8");
        }
        cache[slot] = (bytes.ToArray(), value);
        return value;
    }

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
