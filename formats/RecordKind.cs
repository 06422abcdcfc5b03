namespace FilmGraph.Formats;

public enum RecordKind { Person, Film, Relationship }
