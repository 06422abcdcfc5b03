namespace FilmGraph.Bolt.PackStream;

/// <summary>Time (0x54): nanoseconds since midnight and the UTC offset in seconds, as <see cref="BoltTime"/>.</summary>
internal static class TimeCodec
{
    public static void Write(PackStreamWriter writer, BoltTime value)
    {
        writer.WriteStructHeader(2, StructTags.Time);
        writer.WriteInteger(value.Time.Ticks * 100);
        writer.WriteInteger((long)value.Offset.TotalSeconds);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 2, "Time");
        var time = LocalTimeCodec.ReadTime(ref reader);
        var offset = reader.ReadInteger();
        if (Math.Abs(offset) > 18 * 3600)
        {
            throw reader.Malformed($"offset {offset}s beyond ±18 h");
        }
        return new BoltTime(time, TimeSpan.FromSeconds(offset));
    }
}
