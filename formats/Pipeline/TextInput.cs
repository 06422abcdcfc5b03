using System.IO.Compression;
using System.Text;
using nietras.SeparatedValues;

namespace FilmGraph.Formats;

/// <summary>
/// A text file opened for reading, plain or gzip (by the <c>.gz</c> ending), as UTF-8 with or without a byte order
/// mark. Bytes that are not UTF-8 become U+FFFD, which the readers refuse in their line.
/// </summary>
internal sealed class TextInput : IDisposable
{
    private readonly FileStream _file;

    public TextReader Text { get; }

    /// <summary>How far into the file (compressed bytes, for a .gz) reading has gone.</summary>
    public long Position => _file.Position;

    public TextInput(string path)
    {
        var stream = OpenBytes(path, 1 << 16, out _file);
        Text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The file's bytes, through gzip for a .gz; <paramref name="file"/> tells how far reading has gone.</summary>
    public static Stream OpenBytes(string path, int bufferSize, out FileStream file)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        return IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>
    /// How many bytes the file holds once read: its size, or for a .gz the size gzip records at its end (modulo
    /// 4 GiB, so never taken below the compressed size).
    /// </summary>
    public static long ContentLength(string path)
    {
        var length = new FileInfo(path).Length;
        if (!IsGzip(path) || length < 18) return length;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        file.Seek(-4, SeekOrigin.End);
        Span<byte> size = stackalloc byte[4];
        file.ReadExactly(size);
        return Math.Max(length, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size));
    }

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's name without a .gz ending, lower case: what format detection looks at.</summary>
    public static string PlainName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return IsGzip(name) ? name[..^3] : name;
    }

    /// <summary>
    /// Separated values with a header line. <paramref name="quoted"/>: RFC 4180 quotes (CSV); without, a quote is an
    /// ordinary character (IMDb TSV).
    /// </summary>
    public SepReader Reader(char separator, bool quoted, bool hasHeader = true) =>
        Sep.New(separator).Reader(o => o with
        {
            HasHeader = hasHeader,
            DisableQuotesParsing = !quoted,
            Unescape = quoted,
            DisableColCountCheck = true,
        }).From(Text);

    public void Dispose() => Text.Dispose();

    /// <summary>Whether a line came through decoding with bytes that are not UTF-8.</summary>
    public static bool HasBadBytes(ReadOnlySpan<char> line) => line.Contains('\uFFFD');

    /// <summary>
    /// Rejects a row that is not UTF-8 or has fewer fields than the header (<paramref name="exact"/>: or more).
    /// </summary>
    public static bool Readable(SepReader.Row row, int width, bool exact, RecordKind kind, in Origin origin, RecordSink sink)
    {
        if (HasBadBytes(row.Span))
        {
            sink.Reject(kind, origin, "", "the line is not valid UTF-8.");
            return false;
        }
        if (row.ColCount < width || (exact && row.ColCount != width))
        {
            sink.Reject(kind, origin, "", $"{row.ColCount} fields; the header has {width}.");
            return false;
        }
        return true;
    }
}
