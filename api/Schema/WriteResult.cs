using FilmGraph.Core;

namespace FilmGraph.Api.Schema;

/// <summary>What one mutation did: records created, updated, left as they were, and relationships removed.</summary>
internal sealed record WriteResult(int Created, int Updated, int Unchanged, int Deleted)
{
    public static WriteResult Of(Counts counts) => new(counts.Created, counts.Updated, counts.Unchanged, 0);

    public static WriteResult Of(WriteSummary summary) =>
        Of(summary.People.Add(summary.Films).Add(summary.Relationships));
}
