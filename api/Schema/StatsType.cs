using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class StatsType : ObjectGraphType<GraphStats>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "How much the graph holds.";
        Field<NonNullGraphType<IntGraphType>, int>("people").Description("People in the graph.").Resolve(ctx => checked((int)ctx.Source.People));
        Field<NonNullGraphType<IntGraphType>, int>("films").Description("Films in the graph.").Resolve(ctx => checked((int)ctx.Source.Films));
        Field<NonNullGraphType<IntGraphType>, int>("relationships").Description("Stored relationships (derived ones, such as replacements, not counted).").Resolve(ctx => checked((int)ctx.Source.Relationships));
    }
}
