using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SubgraphEdgeType : ObjectGraphType<SubgraphEdge>
{
    public SubgraphEdgeType()
    {
        Name = "SubgraphEdge";
        Description = "A relationship in a subgraph, from a person to a film or (CONFLICTED_WITH) to a person.";
        Field<NonNullGraphType<RelationshipTypeEnum>, RelationshipType>("type").Description("The kind of relationship.").Resolve(ctx => ctx.Source.Type);
        Field(e => e.From, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id it starts at.");
        Field(e => e.To, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id it points at.");
        Field(e => e.Role, nullable: true).Description("The role, when it has one.");
    }
}
