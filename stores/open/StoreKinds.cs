using FilmGraph.Core;

namespace FilmGraph.Stores;

/// <summary>The names of the store kinds as configuration and the command line spell them, and the one parser of them.</summary>
public static class StoreKinds
{
    /// <summary>Every kind's name, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<StoreKind>().Select(Name)];

    /// <summary>The choices as an error message lists them: <c>'embedded' or 'neo4j'</c>.</summary>
    public static string Choices { get; } = string.Join(" or ", Names.Select(n => $"'{n}'"));

    public static string Name(this StoreKind kind) => kind switch
    {
        StoreKind.Embedded => "embedded",
        StoreKind.Neo4j => "neo4j",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The kind <paramref name="name"/> names, ignoring case and surrounding space; nothing at all means the default,
    /// embedded. Any other name leaves no store to open, so it is a <see cref="GraphStoreException"/> listing the choices.
    /// </summary>
    public static StoreKind Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return StoreKind.Embedded;
        foreach (var kind in Enum.GetValues<StoreKind>())
            if (string.Equals(name.Trim(), kind.Name(), StringComparison.OrdinalIgnoreCase)) return kind;
        throw new GraphStoreException($"{StoreSettings.Section}:{nameof(StoreSettings.Store)} is '{name}'; use {Choices}.");
    }
}
