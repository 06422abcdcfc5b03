namespace FilmGraph.Bolt;

/// <summary>Where a session's work goes: to a server that takes writes, or to one that serves reads.</summary>
public enum BoltAccessMode
{
    Write,
    Read,
}
