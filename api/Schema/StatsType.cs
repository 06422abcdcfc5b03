using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class StatsType : ObjectGraphType<GraphStats>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "How much the graph holds.";
        Field<NonNullGraphType<IntGraphType>, int>("people").Resolve(ctx => checked((int)ctx.Source.People));
        Field<NonNullGraphType<IntGraphType>, int>("films").Resolve(ctx => checked((int)ctx.Source.Films));
        Field<NonNullGraphType<IntGraphType>, int>("relationships").Resolve(ctx => checked((int)ctx.Source.Relationships));
    }
}
