using FilmGraph.Core;

namespace FilmGraph.Api.Protection;

/// <summary>
/// The prices <see cref="CostAnalysis"/> uses, in one table so that the README can state them. A walk's price
/// follows what bounds its work (hops, depth); a list's size is its <c>first</c> or <c>limit</c> when it takes one,
/// else an estimate of a typical answer: a person has a few dozen credits, a film a few dozen people.
/// </summary>
public static class CostModel
{
    /// <summary>Size assumed for a list the table below does not name.</summary>
    public const int DefaultListSize = 10;

    /// <summary>The price of the walk a field runs, beyond the objects it returns.</summary>
    public static long Walk(string type, string field, CostAnalysis.Arguments args) => (type, field) switch
    {
        ("Query", "search") => 5,
        ("Query", "coStarChain" or "coStarChains" or "separation") => 10L * (args.MaxHops ?? Limits.DefaultMaxHops),
        // The same search, its meeting layer grown to the end, then one pass over both sides' layers to count.
        ("Query", "chainCount") => 20L * (args.MaxHops ?? Limits.DefaultMaxHops),
        ("Query", "reach") => 20L * (args.MaxHops ?? Limits.DefaultMaxHops),
        // The walk visits up to `limit` nodes whatever the selection asks of them.
        ("Query", "neighbourhood") => 10L * (args.Depth ?? Limits.DefaultDepth) + (args.Limit ?? Limits.DefaultNeighbourhoodLimit),
        ("Query", "replacements") => 20,
        // Served from what a background computation kept: a look-up, not a walk.
        ("Query", "centres" or "centresStatus") => 2,
        ("Person", "coStars") => 5,
        // Every co-star is tallied to count them and to rank the page's head.
        ("Person", "coStarsConnection") => 10,
        ("Query", "searchConnection") => 5,
        // The page's chains and their count: two walks.
        ("Query", "coStarChainsConnection") => 30L * (args.MaxHops ?? Limits.DefaultMaxHops) + Limits.ChainsCeiling,
        ("Query", "replacementsConnection") => 20,
        _ => 0,
    };

    /// <summary>How many items a list field is priced at; <paramref name="owner"/> holds the arguments of the field the list sits in.</summary>
    public static long ListSize(string type, string field, CostAnalysis.Arguments args, CostAnalysis.Arguments owner) => (type, field) switch
    {
        (_, "edges" or "items") when type.EndsWith("Connection", StringComparison.Ordinal) => owner.First ?? Limits.DefaultPage,
        ("Query", "search") => args.First ?? Limits.DefaultSearchResults,
        ("Query", "coStarChains") => args.First ?? Limits.DefaultChains,
        ("Query", "centres") => args.First ?? Limits.DefaultCentres,
        ("Query", "replacements") => 50,
        ("Person", "coStars") => args.First ?? Limits.DefaultCoStars,
        ("Person" or "Film", "knownFor") => args.First ?? Limits.DefaultKnownFor,
        ("Person", "credits") => 20,
        ("Film", "credits") => 30,
        ("Person", "conflicts" or "replaced" or "replacedBy") or ("Film", "replacements") => 5,
        ("CoStar", "sharedFilms") => 3,
        ("Chain", "links") => owner.MaxHops ?? Limits.DefaultMaxHops,
        ("Subgraph", "nodes") => owner.Limit ?? Limits.DefaultNeighbourhoodLimit,
        ("Subgraph", "edges") => 2L * (owner.Limit ?? Limits.DefaultNeighbourhoodLimit),
        ("Reach", "levels") => (owner.MaxHops ?? Limits.DefaultMaxHops) + 1,
        _ => DefaultListSize,
    };
}
