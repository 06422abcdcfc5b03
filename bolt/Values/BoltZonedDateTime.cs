namespace FilmGraph.Bolt;

/// <summary>
/// A Cypher DATETIME with a named time zone. <see cref="Value"/> is the instant with the offset
/// in force in that zone at that instant (offset zero when the zone is unknown to this machine).
/// </summary>
public readonly record struct BoltZonedDateTime(DateTimeOffset Value, string ZoneId)
{
    public override string ToString() => $"{Value:O}[{ZoneId}]";
}
