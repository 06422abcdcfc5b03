using FilmGraph.Bolt.PackStream;

namespace FilmGraph.Bolt.Protocol;

/// <summary>Turns one whole server message into a <see cref="BoltResponse"/>.</summary>
internal static class ResponseDecoder
{
    /// <summary>
    /// Errors come back through <paramref name="error"/> rather than being thrown, so the caller can
    /// first step past the message and keep the stream in frame.
    /// </summary>
    public static BoltResponse Decode(ReadOnlySpan<byte> message, int maxNestingDepth, out Exception? error)
    {
        error = null;
        var reader = new PackStreamReader(message, maxNestingDepth);
        var kind = ResponseKind.Record;
        try
        {
            var fields = reader.ReadStructHeader(out var tag);
            kind = (ResponseKind)tag;
            BoltResponse response;
            switch (kind)
            {
                case ResponseKind.Record when fields == 1:
                    var count = reader.ReadListHeader();
                    reader.CheckCount(count, 1);
                    object?[] values;
                    if (count <= PackStreamReader.MaxPreallocated)
                    {
                        values = new object?[count];
                        for (var i = 0; i < values.Length; i++)
                        {
                            values[i] = reader.ReadValue();
                        }
                    }
                    else
                    {
                        values = ListCodec.ReadBody(ref reader, count).ToArray();
                    }
                    response = new BoltResponse(kind, null, values);
                    break;
                case ResponseKind.Success or ResponseKind.Failure when fields == 1:
                    response = new BoltResponse(kind, reader.ReadMap(), null);
                    break;
                case ResponseKind.Ignored when fields == 0:
                    response = new BoltResponse(kind, null, null);
                    break;
                default:
                    throw reader.Malformed($"unexpected message 0x{tag:X2} with {fields} fields");
            }
            return reader.AtEnd ? response : throw reader.Malformed("bytes follow the end of the message");
        }
        catch (BoltException e)
        {
            error = e;
            return new BoltResponse(kind, null, null);
        }
    }
}
