using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class CentreType : ObjectGraphType<Centre>
{
    public CentreType()
    {
        Name = "Centre";
        Description = "A person close to everyone they can reach: one of the centres of the film universe.";
        Field<NonNullGraphType<PersonType>, Person>("person").Description("The person.").Resolve(ctx => ctx.Source.Person);
        Field<NonNullGraphType<FloatGraphType>, double>("averageDistance")
            .Description("Mean co-star distance to the people they reach (no bound on hops).").Resolve(ctx => ctx.Source.AverageDistance);
        Field<NonNullGraphType<IntGraphType>, int>("reachCount").Description("People they reach, not counting themself.")
            .Resolve(ctx => checked((int)ctx.Source.ReachCount));
    }
}
