namespace FilmGraph.Core;

public sealed record GraphStats(long People, long Films, long Relationships);
