namespace FilmGraph.Core;

public sealed record NeighbourhoodQuery(string Id, int Depth, IReadOnlyList<RelationshipType> Types, int Limit)
{
    public NeighbourhoodQuery Validated()
    {
        Limits.Check("depth", Depth, 0, Limits.DepthCeiling);
        Limits.Check("limit", Limit, 1, Limits.NeighbourhoodLimitCeiling);
        return this;
    }
}
