using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class RelationshipInputType : InputObjectGraphType
{
    public RelationshipInputType()
    {
        Name = "RelationshipInput";
        Description = "A relationship to add, or to update by (type, from, to). Both ends must exist or be written in the same request.";
        Field<NonNullGraphType<RelationshipTypeEnum>>("type");
        Field<NonNullGraphType<IdGraphType>>("from").Description("The person it starts at.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("The film it points at (a person for CONFLICTED_WITH).");
        Field<StringGraphType>("role").Description("CAST_IN and DROPPED_FROM: the character.");
        Field<IntGraphType>("billing").Description("CAST_IN: the place in the credits.");
        Field<StringGraphType>("reason").Description("DROPPED_FROM: why.");
        Field<StringGraphType>("context").Description("CONFLICTED_WITH: the film's id or a description.");
        Field<StringGraphType>("description").Description("CONFLICTED_WITH: what happened.");
        Field<SourceInputType>("source").Description("Where the fact came from.");
    }
}
