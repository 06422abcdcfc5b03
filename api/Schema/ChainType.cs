using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ChainType : ObjectGraphType<Chain>
{
    public ChainType()
    {
        Name = "Chain";
        Description = "A co-star chain: person, film, person, ..., person. A person's chain to themself has length 0 and no links.";
        Field(c => c.Length).Description("The number of films in the chain.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChainLinkType>>>, IReadOnlyList<ChainLink>>("links")
            .Description("The steps, in order: each link's 'to' is the next link's 'from'.").Resolve(ctx => ctx.Source.Links);
    }
}
