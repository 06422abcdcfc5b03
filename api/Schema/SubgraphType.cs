using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SubgraphType : ObjectGraphType<Subgraph>
{
    public SubgraphType()
    {
        Name = "Subgraph";
        Description = "Nodes and the relationships among them, for drawing.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubgraphNodeType>>>, IReadOnlyList<SubgraphNode>>("nodes")
            .Description("People and films, the centre first.").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubgraphEdgeType>>>, IReadOnlyList<SubgraphEdge>>("edges")
            .Description("Relationships between the nodes.").Resolve(ctx => ctx.Source.Edges);
        Field(s => s.Truncated).Description("True when the node limit left nodes out.");
    }
}
