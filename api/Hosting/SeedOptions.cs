namespace FilmGraph.Api.Hosting;

/// <summary>Settings of the section <c>FilmGraph:Seed</c>: the data loaded into an empty store on start.</summary>
internal sealed class SeedOptions
{
    public const string Section = "FilmGraph:Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>A FilmGraph JSON document; a relative path is taken from the content root (the working directory by default).</summary>
    public string Path { get; set; } = "data/la-la-land.json";
}
