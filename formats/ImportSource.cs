namespace FilmGraph.Formats;

/// <summary>
/// One import: files of one format read together. IMDb's three files make one source (people and films before the
/// principals that join them); neo4j-admin CSV comes in groups, each read under the header in its first line.
/// </summary>
public sealed record ImportSource(ImportFormat Format, IReadOnlyList<string> Files)
{
    /// <summary>neo4j-admin CSV groups: the first line of a group's first file is the header for all of it.</summary>
    public IReadOnlyList<CsvGroup> Groups { get; init; } = [];

    public string Name => Files.Count == 1 ? Files[0] : string.Join(", ", Files);

    /// <summary>
    /// The sources the given files make, in the order they are imported: each FilmGraph JSON or JSON Lines file on its
    /// own, IMDb files together, CSV files together (nodes before relationships, told apart by their headers).
    /// Throws <see cref="ArgumentException"/> when a file's format cannot be told from its name.
    /// </summary>
    public static IReadOnlyList<ImportSource> Plan(IReadOnlyList<string> files, ImportFormat format, IReadOnlyList<CsvGroup> csvGroups)
    {
        var sources = new List<ImportSource>();
        var imdb = new List<string>();
        var csv = new List<CsvGroup>();
        foreach (var file in files)
        {
            switch (format == ImportFormat.Auto ? Detect(file) : format)
            {
                case ImportFormat.Imdb: imdb.Add(file); break;
                case ImportFormat.Neo4jCsv: csv.Add(new CsvGroup([file], null)); break;
                case var single: sources.Add(new ImportSource(single, [file])); break;
            }
        }
        if (imdb.Count > 0) sources.Insert(0, new ImportSource(ImportFormat.Imdb, imdb));
        if (csv.Count > 0 || csvGroups.Count > 0)
        {
            List<CsvGroup> groups = [.. csvGroups, .. csv];
            sources.Add(new ImportSource(ImportFormat.Neo4jCsv, [.. groups.SelectMany(g => g.Files)]) { Groups = groups });
        }
        return sources;
    }

    /// <summary>The format a file's name says: .json, .jsonl/.ndjson, IMDb's file names, .csv; each may end in .gz.</summary>
    public static ImportFormat Detect(string file)
    {
        var name = TextInput.PlainName(file);
        if (ImdbReader.Recognizes(file)) return ImportFormat.Imdb;
        return Path.GetExtension(name) switch
        {
            ".json" => ImportFormat.Json,
            ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
            ".csv" => ImportFormat.Neo4jCsv,
            _ => throw new ArgumentException(
                $"{file}: cannot tell the format from the name (.json, .jsonl, .csv, or IMDb's {ImdbReader.NamesFile}, " +
                $"{ImdbReader.TitlesFile}, {ImdbReader.PrincipalsFile}); give --format."),
        };
    }
}
