namespace FilmGraph.Api.Extensions;

/// <summary>Settings of the section <c>FilmGraph</c>.</summary>
public sealed class FilmGraphOptions
{
    public const string Section = "FilmGraph";

    public const string EmbeddedStore = "embedded";

    /// <summary>Which store serves the graph: "embedded" (the default, a SQLite file beside the process).</summary>
    public string Store { get; set; } = EmbeddedStore;
}

/// <summary>Settings of the section <c>FilmGraph:Seed</c>: the data loaded into an empty store on start.</summary>
public sealed class SeedOptions
{
    public const string Section = "FilmGraph:Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>A FilmGraph JSON document; a relative path is taken from the content root (the working directory by default).</summary>
    public string Path { get; set; } = "data/la-la-land.json";
}
