namespace FilmGraph.Bolt;

/// <summary>
/// A Cypher DURATION. Months, days and seconds are kept apart because they do not convert into
/// each other without a calendar.
/// </summary>
public readonly record struct BoltDuration(long Months, long Days, long Seconds, int Nanoseconds)
{
    public static BoltDuration FromTimeSpan(TimeSpan value)
    {
        var seconds = value.Ticks / TimeSpan.TicksPerSecond;
        var nanos = (int)(value.Ticks % TimeSpan.TicksPerSecond) * 100;
        if (nanos < 0)
        {
            // Neo4j keeps nanoseconds non-negative and borrows from the seconds.
            seconds -= 1;
            nanos += 1_000_000_000;
        }
        return new BoltDuration(0, 0, seconds, nanos);
    }

    public override string ToString() => $"P{Months}M{Days}DT{Seconds}.{Nanoseconds:D9}S";
}

/// <summary>A Cypher TIME: a time of day with a UTC offset. Precision is 100 ns (one .NET tick).</summary>
public readonly record struct BoltTime(TimeOnly Time, TimeSpan Offset)
{
    public override string ToString() => $"{Time:HH:mm:ss.fffffff}{(Offset < TimeSpan.Zero ? "-" : "+")}{Offset:hh\\:mm}";
}

/// <summary>
/// A Cypher DATETIME with a named time zone. <see cref="Value"/> is the instant with the offset
/// in force in that zone at that instant (offset zero when the zone is unknown to this machine).
/// </summary>
public readonly record struct BoltZonedDateTime(DateTimeOffset Value, string ZoneId)
{
    public override string ToString() => $"{Value:O}[{ZoneId}]";
}

/// <summary>A Cypher POINT. <see cref="Z"/> is null for 2D points.</summary>
public readonly record struct BoltPoint(int Srid, double X, double Y, double? Z = null)
{
    public const int Wgs84 = 4326;
    public const int Wgs84_3D = 4979;
    public const int Cartesian = 7203;
    public const int Cartesian3D = 9157;
}
