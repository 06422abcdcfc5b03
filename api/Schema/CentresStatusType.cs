using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class CentresStatusType : ObjectGraphType<CentresStatus>
{
    public CentresStatusType()
    {
        Name = "CentresStatus";
        Description = "Where the computation of the centres of one via set stands.";
        Field<NonNullGraphType<CentresStateEnum>, CentresState>("state").Resolve(ctx => ctx.Source.State);
        Field<StringGraphType, string?>("computedAt").Description("When the centres served were computed (ISO 8601, UTC); null when none are.")
            .Resolve(ctx => ctx.Source.ComputedAt?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IntGraphType>, int>("candidates").Description("The best-connected people measured (or being measured).")
            .Resolve(ctx => ctx.Source.Candidates);
        Field<NonNullGraphType<IntGraphType>, int>("done").Description("Candidates finished, measured or ruled out; equals candidates once done.")
            .Resolve(ctx => ctx.Source.Done);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>, IReadOnlyList<RelationshipType>>("via")
            .Description("The relationship types the distances travel over.").Resolve(ctx => ctx.Source.Via);
    }
}
