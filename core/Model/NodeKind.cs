namespace FilmGraph.Core;

public enum NodeKind { Person, Film }
