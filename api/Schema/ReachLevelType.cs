using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ReachLevelType : ObjectGraphType<ReachLevel>
{
    public ReachLevelType()
    {
        Name = "ReachLevel";
        Description = "The number of people at one distance.";
        Field(l => l.Distance).Description("Films between the person and these people.");
        Field<NonNullGraphType<IntGraphType>, int>("people").Description("How many people are at this distance.")
            .Resolve(ctx => checked((int)ctx.Source.People));
    }
}
