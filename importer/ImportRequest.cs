using FilmGraph.Formats;

namespace FilmGraph.Importer;

/// <summary>What the command line asked for.</summary>
internal sealed record ImportRequest(
    IReadOnlyList<string> Files,
    ImportFormat Format,
    IReadOnlyList<string> TitleTypes,
    int BatchSize,
    string? RejectsPath,
    IReadOnlyList<IReadOnlyList<string>> NodeGroups,
    IReadOnlyList<IReadOnlyList<string>> RelationshipGroups,
    string StorePath,
    bool DryRun)
{
    public IEnumerable<string> AllFiles => Files.Concat(NodeGroups.SelectMany(g => g)).Concat(RelationshipGroups.SelectMany(g => g));

    public static ImportFormat ParseFormat(string? name) => name switch
    {
        "json" => ImportFormat.Json,
        "jsonl" => ImportFormat.JsonLines,
        "imdb" => ImportFormat.Imdb,
        "neo4j-csv" => ImportFormat.Neo4jCsv,
        _ => ImportFormat.Auto,
    };

    /// <summary>"header.csv,part1.csv" as neo4j-admin writes a group.</summary>
    public static IReadOnlyList<string> Group(string files) =>
        files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
