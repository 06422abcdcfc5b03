using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

/// <summary>The fields a credit has whichever side it is seen from.</summary>
internal static class CreditFields
{
    public static void AddRelationshipFields(this ObjectGraphType<Credit> type)
    {
        type.Field<NonNullGraphType<RelationshipTypeEnum>, RelationshipType>("type").Description("The kind of relationship.")
            .Resolve(ctx => ctx.Source.Type);
        type.Field<StringGraphType, string>("role").Description("The character played (CAST_IN) or the role left (DROPPED_FROM).")
            .Resolve(ctx => ctx.Source.Properties.Role);
        type.Field<IntGraphType, int?>("billing").Description("Position in the cast list, when known.")
            .Resolve(ctx => ctx.Source.Properties.Billing);
        type.Field<StringGraphType, string>("reason").Description("Why the person left the film (DROPPED_FROM).")
            .Resolve(ctx => ctx.Source.Properties.Reason);
        type.Field<SourceType, Source>("source").Description("Where the fact came from.")
            .Resolve(ctx => ctx.Source.Properties.Source);
    }
}
