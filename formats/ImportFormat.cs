namespace FilmGraph.Formats;

public enum ImportFormat { Auto, Json, JsonLines, Imdb, Neo4jCsv }
