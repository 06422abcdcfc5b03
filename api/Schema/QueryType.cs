using FilmGraph.Core;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace FilmGraph.Api.Schema;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<PersonType, Person>("person")
            .Description("One person, by id or by name (exactly one of the two). An unknown id or a name nobody has is NOT_FOUND; " +
                         "a name several people share is AMBIGUOUS, and the error lists their ids.")
            .Argument<IdGraphType>("id", "The person's id, e.g. \"emma-stone\".")
            .Argument<StringGraphType>("name", "A name or alias, compared ignoring case, accents and punctuation.")
            .ResolveAsync(async ctx => await FindPersonAsync(ctx));

        Field<FilmType, Film>("film")
            .Description("One film, by id or by title (exactly one of the two), optionally narrowed by year. " +
                         "An unknown id or title is NOT_FOUND; a title several films share is AMBIGUOUS, and the error lists their ids.")
            .Argument<IdGraphType>("id", "The film's id, e.g. \"la-la-land-2016\".")
            .Argument<StringGraphType>("title", "The title, compared ignoring case, accents and punctuation.")
            .Argument<IntGraphType>("year", "The release year; only with title.")
            .ResolveAsync(async ctx => await FindFilmAsync(ctx));

        Field<ListGraphType<NonNullGraphType<SearchHitType>>, IReadOnlyList<SearchHit>>("search")
            .Description("People and films by name or title, best first: whole words, then prefixes, then small typos.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"What to look for; at most {Limits.SearchTextMaxLength} characters.")
            .FirstArgument(Limits.DefaultSearchResults, Limits.SearchResultsCeiling)
            .ResolveAsync(async ctx => await ctx.Store().SearchAsync(ctx.GetArgument<string>("text"), ctx.First(), ctx.CancellationToken));

        Field<ConnectionType<SearchHitType>, Connection<SearchHit>>("searchConnection")
            .Description($"search a page at a time; totalCount counts the best {Limits.SearchResultsCeiling} matches, the most search ranks.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"What to look for; at most {Limits.SearchTextMaxLength} characters.")
            .PageArguments()
            .ResolveAsync(async ctx => Pages.Of(
                await ctx.Store().SearchAsync(ctx.GetArgument<string>("text"), Limits.SearchResultsCeiling, ctx.CancellationToken), ctx.First(), ctx.After()));

        Field<ChainType, Chain>("coStarChain")
            .Description("One shortest co-star chain from one person to another, or null when none is within maxHops. " +
                         "Among several shortest chains it is the least when each is read as film id, person id, film id, ... (ordinal).")
            .ChainArguments()
            .ChainFilterArguments()
            .ResolveAsync(async ctx =>
            {
                var chains = await ctx.Store().ShortestChainsAsync(ctx.FilteredChainQuery(), 1, ctx.CancellationToken);
                return chains.Count == 0 ? null : chains[0];
            });

        Field<ListGraphType<NonNullGraphType<ChainType>>, IReadOnlyList<Chain>>("coStarChains")
            .Description("Shortest co-star chains, up to first, in the order coStarChain picks from; empty when none is within maxHops.")
            .ChainArguments()
            .FirstArgument(Limits.DefaultChains, Limits.ChainsCeiling)
            .ResolveAsync(async ctx =>
                await ctx.Store().ShortestChainsAsync(ctx.ChainQuery(), ctx.First(), ctx.CancellationToken));

        Field<ConnectionType<ChainType>, Connection<Chain>>("coStarChainsConnection")
            .Description($"coStarChains a page at a time, in the same order; totalCount is chainCount (every shortest chain), and pages reach the first {Limits.ChainsCeiling}.")
            .ChainArguments()
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var (store, query) = (ctx.Store(), ctx.ChainQuery());
                return await Pages.OfHeadAsync(ctx.Page(), Limits.ChainsCeiling, "chains",
                    first => store.ShortestChainsAsync(query, first, ctx.CancellationToken),
                    async () => await store.ChainCountAsync(query, ctx.CancellationToken) ?? 0);
            });

        Field<IntGraphType, int?>("separation")
            .Description("The length of a shortest co-star chain (0 from a person to themself), or null when none is within maxHops.")
            .ChainArguments()
            .ResolveAsync(async ctx => await ctx.Store().SeparationAsync(ctx.ChainQuery(), ctx.CancellationToken));

        Field<IntGraphType, int?>("chainCount")
            .Description("How many shortest co-star chains there are, with the filters of coStarChain (1 from a person to themself), " +
                         "or null when none is within maxHops. Chains are counted as sequences of people and films, without listing them. " +
                         $"A count beyond {Limits.ChainCountCeiling} (the largest Int) answers {Limits.ChainCountCeiling}; " +
                         "on the Neo4j store, which can count shortest paths only by producing them, the count stops at 10,000.")
            .ChainArguments()
            .ChainFilterArguments()
            .ResolveAsync(async ctx => (int?)await ctx.Store().ChainCountAsync(ctx.FilteredChainQuery(), ctx.CancellationToken));

        Field<SubgraphType, Subgraph>("neighbourhood")
            .Description("The people and films within depth relationships of a node, and the relationships among them, for drawing.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A person's or a film's id.")
            .Argument<IntGraphType>("depth", $"How many relationships out to go: default {Limits.DefaultDepth}, at most {Limits.DepthCeiling}.", a => a.DefaultValue = Limits.DefaultDepth)
            .TypesArgument("The relationship types to follow.")
            .Argument<IntGraphType>("limit",
                $"The most nodes to return: default {Limits.DefaultNeighbourhoodLimit}, at most {Limits.NeighbourhoodLimitCeiling}; truncated says when it cut.",
                a => a.DefaultValue = Limits.DefaultNeighbourhoodLimit)
            .ResolveAsync(async ctx =>
            {
                var query = new NeighbourhoodQuery(ctx.GetArgument<string>("id"), ctx.GetArgument<int>("depth"),
                    ctx.Types() ?? RelationshipTypes.All, ctx.GetArgument<int>("limit"));
                return await ctx.Store().NeighbourhoodAsync(query, ctx.CancellationToken);
            });

        Field<ReachType, Reach>("reach")
            .Description("How many people are at each co-star distance from a person, up to maxHops (a \"Bacon number\" table).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The person to measure from.")
            .MaxHopsArgument()
            .ViaArgument()
            .ResolveAsync(async ctx =>
            {
                var query = new ReachQuery(ctx.GetArgument<string>("id"), ctx.GetArgument<int>("maxHops"), ctx.Via());
                return await ctx.Store().ReachAsync(query, ctx.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<ReplacementType>>, IReadOnlyList<Replacement>>("replacements")
            .Description("Who replaced whom: a person dropped from a film in a role, and the person cast in that role. " +
                         "On one film, or everywhere when film is left out; by film id, role, dropped id, cast id.")
            .Argument<IdGraphType>("film", "The film's id.")
            .ResolveAsync(async ctx => await ctx.Store().ReplacementsAsync(ctx.GetArgument<string?>("film"), ctx.CancellationToken));

        Field<ConnectionType<ReplacementType>, Connection<Replacement>>("replacementsConnection")
            .Description("replacements a page at a time, in the same order.")
            .Argument<IdGraphType>("film", "The film's id.")
            .PageArguments()
            .ResolveAsync(async ctx => Pages.Of(
                await ctx.Store().ReplacementsAsync(ctx.GetArgument<string?>("film"), ctx.CancellationToken), ctx.First(), ctx.After()));

        Field<StringGraphType, string?>("graphVersion")
            .Description("The store's data version: it changes whenever any answer may have. Null on Neo4j, which other writers share.")
            .Resolve(ctx => ctx.WritableStore().Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CentreType>>>, IReadOnlyList<Centre>>("centres")
            .Description("The people with the lowest average co-star distance to everyone they reach, among the best-connected " +
                "(the Oracle of Bacon's centres of the film universe), best first; computed ahead of time, so see centresStatus " +
                "for how current they are. Empty until the first computation for the via set finishes.")
            .FirstArgument(Limits.DefaultCentres, Limits.CentresCeiling)
            .ViaArgument()
            .ResolveAsync(async ctx => await ctx.Centres().CentresAsync(ctx.Via(), ctx.First(), ctx.CancellationToken));

        Field<NonNullGraphType<CentresStatusType>, CentresStatus>("centresStatus")
            .Description("When the centres of the via set were computed, whether the graph changed since, and the progress of a computation.")
            .ViaArgument()
            .ResolveAsync(async ctx => await ctx.Centres().CentresStatusAsync(ctx.Via(), ctx.CancellationToken));

        Field<StatsType, GraphStats>("stats")
            .Description("How much the graph holds.")
            .ResolveAsync(async ctx => await ctx.Store().StatsAsync(ctx.CancellationToken));
    }

    private static async Task<Person> FindPersonAsync(IResolveFieldContext context)
    {
        var store = context.Store();
        var (id, name) = (context.GetArgument<string?>("id"), context.GetArgument<string?>("name"));
        if ((id is null) == (name is null))
            throw GraphQueryException.BadInput(id is null ? "id" : "name", "Give exactly one of 'id' or 'name'.");
        if (id is not null)
            return await store.GetPersonAsync(id, context.CancellationToken) ?? throw GraphQueryException.NotFound("person", id, "id");

        var people = await store.FindPeopleByNameAsync(name!, context.CancellationToken);
        return people.Count switch
        {
            1 => people[0],
            0 => throw new GraphQueryException(ErrorCodes.NotFound, $"No person is named '{name}'; try search.", "name"),
            _ => throw new GraphQueryException(ErrorCodes.Ambiguous,
                $"{people.Count} people are named '{name}': {string.Join(", ", people.Select(p => p.Id))}; ask by id.", "name"),
        };
    }

    private static async Task<Film> FindFilmAsync(IResolveFieldContext context)
    {
        var store = context.Store();
        var (id, title, year) = (context.GetArgument<string?>("id"), context.GetArgument<string?>("title"), context.GetArgument<int?>("year"));
        if ((id is null) == (title is null))
            throw GraphQueryException.BadInput(id is null ? "id" : "title", "Give exactly one of 'id' or 'title'.");
        if (id is not null)
        {
            if (year is not null) throw GraphQueryException.BadInput("year", "'year' narrows a title; it cannot go with 'id'.");
            return await store.GetFilmAsync(id, context.CancellationToken) ?? throw GraphQueryException.NotFound("film", id, "id");
        }

        var films = await store.FindFilmsByTitleAsync(title!, year, context.CancellationToken);
        var described = year is null ? $"'{title}'" : $"'{title}' ({year})";
        return films.Count switch
        {
            1 => films[0],
            0 => throw new GraphQueryException(ErrorCodes.NotFound, $"No film is titled {described}; try search.", "title"),
            _ => throw new GraphQueryException(ErrorCodes.Ambiguous,
                $"{films.Count} films are titled {described}: {string.Join(", ", films.Select(f => f.Id))}; ask by id or add the year.", "title"),
        };
    }
}
