namespace FilmGraph.Bolt.PackStream;

/// <summary>LocalTime (0x74): nanoseconds since midnight, as <see cref="TimeOnly"/>.</summary>
internal static class LocalTimeCodec
{
    private const long NanosPerDay = 86_400_000_000_000;

    public static void Write(PackStreamWriter writer, TimeOnly value)
    {
        writer.WriteStructHeader(1, StructTags.LocalTime);
        writer.WriteInteger(value.Ticks * 100);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 1, "LocalTime");
        return ReadTime(ref reader);
    }

    public static TimeOnly ReadTime(ref PackStreamReader reader)
    {
        var nanos = reader.ReadInteger();
        if (nanos is < 0 or >= NanosPerDay)
        {
            throw reader.Malformed($"time of day {nanos} ns outside one day");
        }
        return new TimeOnly(nanos / 100);
    }
}
