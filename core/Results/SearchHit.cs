namespace FilmGraph.Core;

public sealed record SearchHit(NodeKind Kind, string Id, string Label, double Score, Person? Person, Film? Film);
