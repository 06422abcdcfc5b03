namespace FilmGraph.Core;

public sealed record ReachLevel(int Distance, long People);
