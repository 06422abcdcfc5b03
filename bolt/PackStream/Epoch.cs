namespace FilmGraph.Bolt.PackStream;

/// <summary>Seconds-and-nanoseconds since 1970 as Bolt counts them, against .NET ticks (100 ns).</summary>
internal static class Epoch
{
    public static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    public const int UnixEpochDayNumber = 719_162;
    private const long MaxTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks, usable in a constant pattern

    public static (long Seconds, int Nanoseconds) Split(long ticksSinceEpoch)
    {
        var seconds = Math.DivRem(ticksSinceEpoch, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds -= 1;
            rest += TimeSpan.TicksPerSecond;
        }
        return (seconds, (int)rest * 100);
    }

    /// <summary>Absolute .NET ticks for a Bolt instant; sub-100 ns digits are dropped.</summary>
    public static long ToTicks(ref PackStreamReader reader, long seconds, long nanoseconds)
    {
        if (nanoseconds is < 0 or >= 1_000_000_000)
        {
            throw reader.Malformed($"nanoseconds {nanoseconds} outside 0..999999999");
        }
        const long minSeconds = -62_135_596_800; // 0001-01-01
        const long maxSeconds = 253_402_300_799; // 9999-12-31T23:59:59
        if (seconds is < minSeconds or > maxSeconds)
        {
            throw new BoltValueException($"The instant {seconds}s after 1970 is outside the range .NET dates can hold (years 1 to 9999).");
        }
        var ticks = UnixEpochTicks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
        return ticks is >= 0 and <= MaxTicks ? ticks : throw new BoltValueException("The instant is outside the range .NET dates can hold.");
    }

    public static TimeSpan ToOffset(ref PackStreamReader reader, long offsetSeconds)
    {
        if (offsetSeconds % 60 != 0 || Math.Abs(offsetSeconds) > 14 * 3600)
        {
            // .NET offsets are whole minutes within ±14 h; Neo4j allows seconds and ±18 h.
            throw new BoltValueException($"The UTC offset {offsetSeconds}s cannot be held by DateTimeOffset (whole minutes within ±14 h).");
        }
        return TimeSpan.FromSeconds(StructureCodec.ToInt32(ref reader, offsetSeconds, "offset"));
    }
}
