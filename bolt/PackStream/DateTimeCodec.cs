namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// DateTime with an offset: 0x49 (Bolt 5, seconds are UTC) or legacy 0x46 (Bolt 4.4, seconds are
/// wall-clock), as <see cref="DateTimeOffset"/>. A .NET <see cref="DateTime"/> of unspecified kind
/// is a LocalDateTime instead.
/// </summary>
internal static class DateTimeCodec
{
    public static void Write(PackStreamWriter writer, DateTime value)
    {
        switch (value.Kind)
        {
            case DateTimeKind.Utc: Write(writer, new DateTimeOffset(value)); break;
            case DateTimeKind.Local: Write(writer, new DateTimeOffset(value)); break;
            default: LocalDateTimeCodec.Write(writer, value); break;
        }
    }

    public static void Write(PackStreamWriter writer, DateTimeOffset value)
    {
        var ticks = writer.UtcDateTime ? value.UtcTicks : value.Ticks;
        var (seconds, nanos) = Epoch.Split(ticks - Epoch.UnixEpochTicks);
        writer.WriteStructHeader(3, writer.UtcDateTime ? StructTags.DateTime : StructTags.LegacyDateTime);
        writer.WriteInteger(seconds);
        writer.WriteInteger(nanos);
        writer.WriteInteger((long)value.Offset.TotalSeconds);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount, bool utc)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 3, "DateTime");
        var seconds = reader.ReadInteger();
        var nanos = reader.ReadInteger();
        var offset = Epoch.ToOffset(ref reader, reader.ReadInteger());
        var ticks = Epoch.ToTicks(ref reader, seconds, nanos);
        var wallTicks = utc ? ticks + offset.Ticks : ticks;
        if (wallTicks < DateTime.MinValue.Ticks || wallTicks > DateTime.MaxValue.Ticks)
        {
            throw new BoltValueException("The date-time is outside the range DateTimeOffset can hold.");
        }
        return new DateTimeOffset(wallTicks, offset);
    }
}
