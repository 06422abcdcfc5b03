namespace FilmGraph.Core;

/// <summary>
/// Defaults and hard ceilings of every traversal argument. A value above its ceiling is refused with
/// BAD_USER_INPUT rather than silently lowered, so a caller never mistakes a clipped answer for a complete one.
/// </summary>
public static class Limits
{
    public const int DefaultMaxHops = 6;
    public const int MaxHopsCeiling = 12;

    public const int DefaultChains = 10;
    public const int ChainsCeiling = 100;

    /// <summary>
    /// The most shortest chains a count reports: the largest GraphQL Int. Between two prominent people the number
    /// of shortest chains grows as a product of cast sizes, so a count saturates here rather than wraps.
    /// </summary>
    public const int ChainCountCeiling = int.MaxValue;

    public const int DefaultDepth = 1;
    public const int DepthCeiling = 3;

    public const int DefaultNeighbourhoodLimit = 200;
    public const int NeighbourhoodLimitCeiling = 5000;

    public const int DefaultSearchResults = 10;
    public const int SearchResultsCeiling = 100;

    public const int DefaultKnownFor = 3;
    public const int KnownForCeiling = 20;

    public const int DefaultCoStars = 50;
    public const int CoStarsCeiling = 1000;

    /// <summary>Centres a query may list; a store keeps at least this many (<see cref="DefaultCentresKept"/>).</summary>
    public const int DefaultCentres = 100;
    public const int CentresCeiling = 1000;

    /// <summary>How many of the best-connected people a centres computation measures, and how many of the best it keeps.</summary>
    public const int DefaultCentreCandidates = 5000;
    public const int DefaultCentresKept = 1000;

    public const int SearchTextMaxLength = 200;

    /// <summary>A page of a connection (credits, search, replacements, chains).</summary>
    public const int DefaultPage = 20;
    public const int PageCeiling = 100;

    /// <summary>Checks <paramref name="value"/> lies in [min, ceiling] and names the argument when it does not.</summary>
    public static int Check(string argument, int value, int min, int ceiling)
    {
        if (value < min || value > ceiling)
            throw GraphQueryException.BadInput(argument, $"'{argument}' must be between {min} and {ceiling}; got {value}.");
        return value;
    }
}
