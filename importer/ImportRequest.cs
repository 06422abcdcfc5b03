using FilmGraph.Formats;

namespace FilmGraph.Importer;

/// <summary>What the command line asked for.</summary>
internal sealed record ImportRequest(
    IReadOnlyList<string> Files,
    ImportFormat Format,
    IReadOnlyList<string> TitleTypes,
    int BatchSize,
    string? RejectsPath,
    IReadOnlyList<CsvGroup> CsvGroups,
    string StorePath,
    bool DryRun,
    string StoreKind = ImportRequest.EmbeddedStore)
{
    public const string EmbeddedStore = "embedded";
    public const string Neo4jStore = "neo4j";

    /// <summary>The variable the API reads its store kind from; the importer follows it unless told otherwise.</summary>
    public const string StoreKindVariable = "FilmGraph__Store";

    public IEnumerable<string> AllFiles => Files.Concat(CsvGroups.SelectMany(g => g.Files));

    public static ImportFormat ParseFormat(string? name) => name switch
    {
        "json" => ImportFormat.Json,
        "jsonl" => ImportFormat.JsonLines,
        "imdb" => ImportFormat.Imdb,
        "neo4j-csv" => ImportFormat.Neo4jCsv,
        _ => ImportFormat.Auto,
    };
}
