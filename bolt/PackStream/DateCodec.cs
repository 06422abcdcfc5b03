namespace FilmGraph.Bolt.PackStream;

/// <summary>Date (0x44): days since 1970-01-01, as <see cref="DateOnly"/>.</summary>
internal static class DateCodec
{
    public static void Write(PackStreamWriter writer, DateOnly value)
    {
        writer.WriteStructHeader(1, StructTags.Date);
        writer.WriteInteger(value.DayNumber - Epoch.UnixEpochDayNumber);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 1, "Date");
        var days = reader.ReadInteger();
        var dayNumber = days + Epoch.UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new BoltValueException($"The date {days} days after 1970 is outside the range DateOnly can hold (years 1 to 9999).");
        }
        return DateOnly.FromDayNumber((int)dayNumber);
    }
}
