using FilmGraph.Formats;
using FilmGraph.Stores;

namespace FilmGraph.Importer;

/// <summary>What the command line asked for.</summary>
internal sealed record ImportRequest(
    IReadOnlyList<string> Files,
    ImportFormat Format,
    IReadOnlyList<string> TitleTypes,
    int BatchSize,
    string? RejectsPath,
    IReadOnlyList<CsvGroup> CsvGroups,
    StoreSettings Store,
    bool DryRun)
{
    /// <summary>--bulk: on, off, or null to let the store choose.</summary>
    public bool? Bulk { get; init; }

    /// <summary>Whether to rank the centres once the import is done (--centres).</summary>
    public bool Centres { get; init; }

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
