using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Bench;

/// <summary>
/// A stream of RECORD messages as a Neo4j 5 server frames them, one typical row each:
/// <c>RETURN m.title, m.released, p.name, id, p</c> where p is a Person node with two properties.
/// </summary>
internal static class Capture
{
    public const int RecordCount = 1_000_000;

    private static readonly string[] Titles = ["The Matrix", "The Matrix Reloaded", "Cloud Atlas", "A Few Good Men", "Top Gun", "Jerry Maguire"];
    private static readonly string[] Names = ["Keanu Reeves", "Carrie-Anne Moss", "Laurence Fishburne", "Hugo Weaving", "Tom Hanks", "Meg Ryan"];

    public static byte[] Create(int records = RecordCount)
    {
        var buffer = new WriteBuffer(records * 128);
        var writer = new PackStreamWriter(buffer);
        for (var i = 0; i < records; i++)
        {
            buffer.BeginMessage();
            writer.WriteStructHeader(1, 0x71);
            writer.WriteListHeader(5);
            writer.WriteString(Titles[i % Titles.Length]);
            writer.WriteInteger(1986 + i % 40);
            writer.WriteString(Names[i % Names.Length]);
            writer.WriteInteger(100_000L + i);
            writer.WriteStructHeader(4, 0x4E);
            writer.WriteInteger(i);
            writer.WriteListHeader(1);
            writer.WriteString("Person");
            writer.WriteMapHeader(2);
            writer.WriteString("name");
            writer.WriteString(Names[i % Names.Length]);
            writer.WriteString("born");
            writer.WriteInteger(1940 + i % 50);
            writer.WriteString($"4:5e9e2b7c-0c1b-4a5e-9d0e-2a4c6f8b1d3e:{i}");
            buffer.EndMessage();
        }
        return buffer.Written.ToArray();
    }

    /// <summary>Walks the framed stream the way the connection's fast path does and decodes every message.</summary>
    public static long DecodeAll(byte[] capture)
    {
        var checksum = 0L;
        var position = 0;
        var span = capture.AsSpan();
        while (position < span.Length)
        {
            var size = span[position] << 8 | span[position + 1];
            position += 2;
            var response = ResponseDecoder.Decode(span.Slice(position, size), PackStreamReader.DefaultMaxDepth, out var error);
            if (error is not null)
            {
                throw error;
            }
            position += size + 2;
            checksum += response.Values.Length;
        }
        return checksum;
    }
}
