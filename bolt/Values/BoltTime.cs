namespace FilmGraph.Bolt;

/// <summary>A Cypher TIME: a time of day with a UTC offset. Precision is 100 ns (one .NET tick).</summary>
public readonly record struct BoltTime(TimeOnly Time, TimeSpan Offset)
{
    public override string ToString() => $"{Time:HH:mm:ss.fffffff}{(Offset < TimeSpan.Zero ? "-" : "+")}{Offset:hh\\:mm}";
}
