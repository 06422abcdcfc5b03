namespace FilmGraph.Core;

public static class RelationshipTypes
{
    public static readonly IReadOnlyList<RelationshipType> All = Enum.GetValues<RelationshipType>();

    /// <summary>The types that link a person to a film; a co-star chain may travel over any of them.</summary>
    public static readonly IReadOnlyList<RelationshipType> PersonToFilm = All.Where(t => t != RelationshipType.ConflictedWith).ToArray();

    private static readonly string[] Names = ["CAST_IN", "DROPPED_FROM", "CONFLICTED_WITH", "DIRECTED", "WROTE", "COMPOSED", "PRODUCED"];

    /// <summary>The name used in data files, GraphQL and Cypher (CAST_IN).</summary>
    public static string Name(this RelationshipType type) => Names[(int)type];

    public static bool TryParse(string? name, out RelationshipType type)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        type = index < 0 ? default : (RelationshipType)index;
        return index >= 0;
    }

    /// <summary>The kind of node a relationship of this type points at.</summary>
    public static NodeKind TargetKind(this RelationshipType type) =>
        type == RelationshipType.ConflictedWith ? NodeKind.Person : NodeKind.Film;

    public static string NameList => string.Join(", ", Names);
}
