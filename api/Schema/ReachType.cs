using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ReachType : ObjectGraphType<Reach>
{
    public ReachType()
    {
        Name = "Reach";
        Description = "How many people are at each co-star distance from one person.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person measured from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachLevelType>>>, IReadOnlyList<ReachLevel>>("levels")
            .Description("One entry per distance that has people, nearest first; distance 0 is the person themself.").Resolve(ctx => ctx.Source.Levels);
        Field<NonNullGraphType<IntGraphType>, int>("reachable").Description("People reachable within maxHops, not counting the person themself.")
            .Resolve(ctx => checked((int)ctx.Source.Reachable));
        Field(r => r.AverageDistance, nullable: true).Description("Mean distance over the reachable people; null when nobody is reachable.");
    }
}
