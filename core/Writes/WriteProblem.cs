namespace FilmGraph.Core;

/// <summary>
/// One problem found in data offered for writing. <c>List</c> ("people", "films", "relationships"), <c>Index</c> and
/// <c>Field</c> ("to", "source.quote") say which record and value it is about, when known; readers map them back to
/// file and line without parsing <see cref="Place"/>, which is for display only.
/// </summary>
public sealed record WriteProblem(string? List, int? Index, string? Field, string Message)
{
    /// <summary>The place as text: "people[3].name", "relationships[0]", or "" when the problem is about no record.</summary>
    public string Place
    {
        get
        {
            if (List is null) return "";
            var record = Index is int index ? $"{List}[{index}]" : List;
            return Field is null ? record : $"{record}.{Field}";
        }
    }

    public override string ToString() => Place.Length == 0 ? Message : $"{Place}: {Message}";
}
