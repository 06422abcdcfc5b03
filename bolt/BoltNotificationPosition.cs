namespace FilmGraph.Bolt;

/// <summary>Where in the query a notification points: character offset (from 0), line and column (from 1).</summary>
public sealed record BoltNotificationPosition(long Offset, long Line, long Column);
