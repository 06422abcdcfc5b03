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
