using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j;

/// <summary>Turns what the server sends (nodes, relationships, paths) into the port's model.</summary>
internal static class GraphRecords
{
    public static bool IsPerson(CypherNode node) => node.Labels.Contains("Person");

    public static NodeKind Kind(CypherNode node) => IsPerson(node) ? NodeKind.Person : NodeKind.Film;

    public static string Id(CypherNode node) => Text(node["id"]) ?? throw Malformed(node, "id");

    public static Person Person(CypherNode node) =>
        new(Id(node), Text(node["name"]) ?? throw Malformed(node, "name"), Int(node["born"]),
            node["aliases"] is IEnumerable<object?> aliases ? aliases.Select(a => Text(a) ?? "").ToArray() : null);

    public static Film Film(CypherNode node) =>
        new(Id(node), Text(node["title"]) ?? throw Malformed(node, "title"), Int(node["year"]));

    public static string Label(CypherNode node) => Text(node[IsPerson(node) ? "name" : "title"]) ?? "";

    public static RelationshipType Type(string name) =>
        RelationshipTypes.TryParse(name, out var type) ? type : throw new InvalidDataException($"The database holds a relationship of unknown type '{name}'.");

    public static RelationshipProperties Properties(CypherRelationship r)
    {
        var document = Text(r["sourceDocument"]);
        return new RelationshipProperties(
            Role: Text(r["role"]),
            Billing: Int(r["billing"]),
            Reason: Text(r["reason"]),
            Context: Text(r["context"]),
            Description: Text(r["description"]),
            Source: document is null ? null : new Source(document, Text(r["sourceQuote"])));
    }

    /// <summary>A credit from a row holding the person <c>p</c>, the relationship <c>r</c> and the film <c>f</c>.</summary>
    public static Credit Credit(CypherRow row)
    {
        var r = (CypherRelationship)row["r"]!;
        return new Credit(Person((CypherNode)row["p"]!), Film((CypherNode)row["f"]!), Type(r.Type), Properties(r));
    }

    public static string? Text(object? value) => value as string;

    public static int? Int(object? value) => value switch
    {
        null => null,
        long l => checked((int)l),
        int i => i,
        _ => throw new InvalidDataException($"Expected an integer, found {value.GetType().Name}."),
    };

    private static InvalidDataException Malformed(CypherNode node, string property) =>
        new($"A {string.Join(':', node.Labels)} node in the database has no '{property}' property.");
}
