namespace FilmGraph.Formats;

/// <summary>Where one record sits in the file: its JSON path, its line, and the line of each property it has.</summary>
internal sealed class RecordPlace(string path, int line)
{
    public string Path { get; } = path;
    public int Line { get; } = line;

    /// <summary>The line the record's closing brace is on, once it has been read whole.</summary>
    public int EndLine { get; set; } = line;

    /// <summary>Lines by property path inside the record ("to", "source.quote").</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    public bool Failed => Errors.Count > 0;

    /// <summary>This record's faults, in the order found.</summary>
    public List<ImportError> Errors { get; } = [];

    public int LineOf(string property) => Lines.TryGetValue(property, out var line) ? line : Line;
}
