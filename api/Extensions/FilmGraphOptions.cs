namespace FilmGraph.Api.Extensions;

/// <summary>Settings of the section <c>FilmGraph</c>.</summary>
internal sealed class FilmGraphOptions
{
    public const string Section = "FilmGraph";

    public const string EmbeddedStore = "embedded";
    public const string Neo4jStore = "neo4j";

    /// <summary>Which store serves the graph: "embedded" (the default, a SQLite file beside the process) or "neo4j".</summary>
    public string Store { get; set; } = EmbeddedStore;
}
