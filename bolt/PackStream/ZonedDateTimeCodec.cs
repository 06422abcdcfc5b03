using System.Collections.Concurrent;

namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// DateTime with a zone id: 0x69 (Bolt 5, seconds are UTC) or legacy 0x66 (wall-clock seconds),
/// as <see cref="BoltZonedDateTime"/>. The zone's offset comes from this machine's time zone data; a zone id it
/// lacks is a <see cref="BoltValueException"/>.
/// </summary>
internal static class ZonedDateTimeCodec
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    public static void Write(PackStreamWriter writer, BoltZonedDateTime value)
    {
        var ticks = writer.UtcDateTime ? value.Value.UtcTicks : value.Value.Ticks;
        var (seconds, nanos) = Epoch.Split(ticks - Epoch.UnixEpochTicks);
        writer.WriteStructHeader(3, writer.UtcDateTime ? StructTags.DateTimeZoneId : StructTags.LegacyDateTimeZoneId);
        writer.WriteInteger(seconds);
        writer.WriteInteger(nanos);
        writer.WriteString(value.ZoneId);
    }

    public static object Read(ref PackStreamReader reader, int fieldCount, bool utc)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 3, "DateTimeZoneId");
        var seconds = reader.ReadInteger();
        var nanos = reader.ReadInteger();
        var zoneId = reader.ReadString();
        var ticks = Epoch.ToTicks(ref reader, seconds, nanos);
        // An offset made up for a zone that cannot be resolved would be a wrong instant or a wrong wall clock,
        // silently committed by whoever writes it back; the caller is told instead.
        var zone = Find(zoneId) ?? throw new BoltValueException(
            $"The time zone '{zoneId}' of a date-time is not in this machine's time zone data, so its offset is unknown.");
        TimeSpan offset;
        if (utc)
        {
            offset = zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Utc));
        }
        else
        {
            offset = zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Unspecified));
        }
        var wallTicks = utc ? ticks + offset.Ticks : ticks;
        if (wallTicks < DateTime.MinValue.Ticks || wallTicks > DateTime.MaxValue.Ticks)
        {
            throw new BoltValueException("The date-time is outside the range DateTimeOffset can hold.");
        }
        return new BoltZonedDateTime(new DateTimeOffset(wallTicks, offset), zoneId);
    }

    private static TimeZoneInfo? Find(string zoneId) => Zones.GetOrAdd(zoneId, static id =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    });
}
