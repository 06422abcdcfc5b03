using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SubgraphNodeType : ObjectGraphType<SubgraphNode>
{
    public SubgraphNodeType()
    {
        Name = "SubgraphNode";
        Description = "A person or film in a subgraph.";
        Field(n => n.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id.");
        Field<NonNullGraphType<NodeKindEnum>, NodeKind>("kind").Description("PERSON or FILM.").Resolve(ctx => ctx.Source.Kind);
        Field(n => n.Label).Description("The name or title.");
        Field(n => n.Year, nullable: true).Description("A film's year, or a person's year of birth, when known.");
        Field(n => n.Distance).Description("How many relationships away from the centre.");
    }
}
