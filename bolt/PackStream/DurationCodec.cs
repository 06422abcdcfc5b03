namespace FilmGraph.Bolt.PackStream;

/// <summary>Duration (0x45): months, days, seconds, nanoseconds, as <see cref="BoltDuration"/>.</summary>
internal static class DurationCodec
{
    public static void Write(PackStreamWriter writer, BoltDuration value)
    {
        writer.WriteStructHeader(4, StructTags.Duration);
        writer.WriteInteger(value.Months);
        writer.WriteInteger(value.Days);
        writer.WriteInteger(value.Seconds);
        writer.WriteInteger(value.Nanoseconds);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 4, "Duration");
        var months = reader.ReadInteger();
        var days = reader.ReadInteger();
        var seconds = reader.ReadInteger();
        var nanos = StructureCodec.ToInt32(ref reader, reader.ReadInteger(), "nanoseconds");
        return new BoltDuration(months, days, seconds, nanos);
    }
}
