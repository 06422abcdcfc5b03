namespace FilmGraph.Formats;

/// <summary>
/// Files read under one header. <c>Relationships</c> is what the command line said the group holds (--nodes false,
/// --relationships true), or null for a file whose header tells. <c>Given</c> is what neo4j-admin's
/// <c>--nodes=Label=files</c> and <c>--relationships=TYPE=files</c> put before the files: the label of rows
/// without one, the type of rows without one.
/// </summary>
public sealed record CsvGroup(IReadOnlyList<string> Files, bool? Relationships, string? Given = null)
{
    /// <summary>
    /// A group as neo4j-admin writes it: "header.csv,part1.csv", optionally after "Label=" (or "Label1:Label2=") for
    /// nodes, "TYPE=" for relationships.
    /// </summary>
    public static CsvGroup Parse(string text, bool relationships)
    {
        var equals = text.IndexOf('=');
        string? given = null;
        // A prefix names labels or a type, never a path: it holds no separator, dot or slash.
        if (equals > 0 && text[..equals].IndexOfAny([',', '.', '/', '\\']) < 0)
        {
            given = text[..equals];
            text = text[(equals + 1)..];
        }
        return new CsvGroup(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), relationships, given);
    }
}
