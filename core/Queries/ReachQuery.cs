namespace FilmGraph.Core;

public sealed record ReachQuery(string Id, int MaxHops, IReadOnlyList<RelationshipType> Via)
{
    public ReachQuery Validated()
    {
        Limits.Check("maxHops", MaxHops, 0, Limits.MaxHopsCeiling);
        Traversal.CheckPersonFilmTypes("via", Via);
        return this;
    }
}
