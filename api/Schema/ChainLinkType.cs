using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ChainLinkType : ObjectGraphType<ChainLink>
{
    public ChainLinkType()
    {
        Name = "ChainLink";
        Description = "One step of a chain: 'from' and 'to' both relate to 'film'.";
        Field<NonNullGraphType<PersonType>, Person>("from").Description("The person the step starts at.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<FilmType>, Film>("film").Description("The film they share.").Resolve(ctx => ctx.Source.Film);
        Field<NonNullGraphType<PersonType>, Person>("to").Description("The person the step ends at.").Resolve(ctx => ctx.Source.To);
        Field(l => l.FromRole, nullable: true).Description("The role 'from' had on the film, when known.");
        Field(l => l.ToRole, nullable: true).Description("The role 'to' had on the film, when known.");
        Field<NonNullGraphType<RelationshipTypeEnum>, RelationshipType>("fromType")
            .Description("How 'from' relates to the film (the first of the via types in declaration order).").Resolve(ctx => ctx.Source.FromType);
        Field<NonNullGraphType<RelationshipTypeEnum>, RelationshipType>("toType")
            .Description("How 'to' relates to the film (the first of the via types in declaration order).").Resolve(ctx => ctx.Source.ToType);
    }
}
