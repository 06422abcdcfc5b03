namespace FilmGraph.Bolt.PackStream;

/// <summary>LocalDateTime (0x64): wall-clock seconds and nanoseconds since 1970, as a <see cref="DateTime"/> of unspecified kind.</summary>
internal static class LocalDateTimeCodec
{
    public static void Write(PackStreamWriter writer, DateTime value)
    {
        var (seconds, nanos) = Epoch.Split(value.Ticks - Epoch.UnixEpochTicks);
        writer.WriteStructHeader(2, StructTags.LocalDateTime);
        writer.WriteInteger(seconds);
        writer.WriteInteger(nanos);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 2, "LocalDateTime");
        var seconds = reader.ReadInteger();
        var nanos = reader.ReadInteger();
        return new DateTime(Epoch.ToTicks(ref reader, seconds, nanos), DateTimeKind.Unspecified);
    }
}
