using FilmGraph.Core;

namespace FilmGraph.Api.Schema;

/// <summary>The mutation inputs as the model's records; GraphQL has checked their types, the store port checks the rest.</summary>
internal static class WriteInputs
{
    public static Person Person(Dictionary<string, object?> input) => new(
        (string)input["id"]!, (string)input["name"]!, Int(input, "born"),
        input.GetValueOrDefault("aliases") is IEnumerable<object?> aliases ? aliases.Cast<string>().ToList() : null);

    public static Film Film(Dictionary<string, object?> input) => new((string)input["id"]!, (string)input["title"]!, Int(input, "year"));

    public static Relationship Relationship(Dictionary<string, object?> input) => new(
        (RelationshipType)input["type"]!, (string)input["from"]!, (string)input["to"]!,
        new RelationshipProperties(
            Role: Text(input, "role"),
            Billing: Int(input, "billing"),
            Reason: Text(input, "reason"),
            Context: Text(input, "context"),
            Description: Text(input, "description"),
            Source: input.GetValueOrDefault("source") is Dictionary<string, object?> source
                ? new Source((string)source["document"]!, Text(source, "quote"))
                : null));

    private static string? Text(Dictionary<string, object?> input, string name) => input.GetValueOrDefault(name) as string;

    private static int? Int(Dictionary<string, object?> input, string name) => input.GetValueOrDefault(name) switch
    {
        int i => i,
        long l => checked((int)l),
        _ => null,
    };
}
