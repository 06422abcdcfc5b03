using FilmGraph.Core;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace FilmGraph.Api.Schema;

internal sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A person who worked on films. Ids are stable strings given by the data; names are not unique.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id, e.g. \"emma-stone\".");
        Field(p => p.Name).Description("The name the person is known by.");
        Field(p => p.Born, nullable: true).Description("Year of birth, when known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("aliases")
            .Description("Other names the person is known by.")
            .Resolve(ctx => ctx.Source.Aliases);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonCreditType>>>, IReadOnlyList<Credit>>("credits")
            .Description("The person's relationships to films, by film id then type.")
            .TypesArgument("The relationship types to include.")
            .ResolveAsync(async ctx => await ctx.Store().PersonCreditsAsync(ctx.Source.Id, ctx.Types(), ctx.CancellationToken));

        Field<ConnectionType<PersonCreditType>, Connection<Credit>>("creditsConnection")
            .Description("The person's credits a page at a time, filtered by type and release years, in the order asked for; totalCount counts them all.")
            .TypesArgument("The relationship types to include.")
            .Argument<IntGraphType>("fromYear", "Only films of this year or later (a film with no year is then left out).")
            .Argument<IntGraphType>("toYear", "Only films of this year or earlier (a film with no year is then left out).")
            .Argument<CreditOrderEnum>("order", "The order: FILM_ID (default), NEWEST_FIRST or OLDEST_FIRST.", a => a.DefaultValue = CreditOrder.FilmId)
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var (start, first) = ctx.Page();
                var query = new CreditsQuery(ctx.Source.Id, ctx.Types(), ctx.GetArgument<int?>("fromYear"), ctx.GetArgument<int?>("toYear"),
                    ctx.GetArgument<CreditOrder>("order"), start, first);
                return Pages.Of(await ctx.Store().PersonCreditsPageAsync(query, ctx.CancellationToken), start);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FilmType>>>, IDataLoaderResult<IReadOnlyList<Film>>>("knownFor")
            .Description("The films the person is best known for: any credit but DROPPED_FROM, the films with the most people cast first, " +
                "then the newer, then by id. What tells namesakes apart in a list of search hits; fetched for all of a list's people at once.")
            .FirstArgument(Limits.DefaultKnownFor, Limits.KnownForCeiling)
            .Resolve(ctx => KnownBatch<Film>.Load(ctx, "filmgraph.person.knownFor", ctx.Source.Id, ctx.First(), store => async (ids, first, ct) =>
                (await store.KnownForAsync(ids, first, ct).ConfigureAwait(false)).ToLookup(k => k.PersonId, k => k.Film, StringComparer.Ordinal)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoStarType>>>, IReadOnlyList<CoStar>>("coStars")
            .Description("People cast in the same films (CAST_IN), most shared films first, then by id.")
            .FirstArgument(Limits.DefaultCoStars, Limits.CoStarsCeiling)
            .ResolveAsync(async ctx => await ctx.Store().CoStarsAsync(ctx.Source.Id, ctx.First(), ctx.CancellationToken));

        Field<ConnectionType<CoStarType>, Connection<CoStar>>("coStarsConnection")
            .Description($"coStars a page at a time, in the same order; totalCount counts every co-star, and pages reach the first {Limits.CoStarsCeiling}.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var store = ctx.Store();
                return await Pages.OfHeadAsync(ctx.Page(), Limits.CoStarsCeiling, "co-stars",
                    first => store.CoStarsAsync(ctx.Source.Id, first, ctx.CancellationToken),
                    async () => await store.CoStarCountAsync(ctx.Source.Id, ctx.CancellationToken));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConflictType>>>, IReadOnlyList<Conflict>>("conflicts")
            .Description("Conflicts (CONFLICTED_WITH) this person had with others, in either direction, by the other person's id.")
            .ResolveAsync(async ctx => await ctx.Store().ConflictsAsync(ctx.Source.Id, ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplacementType>>>, IReadOnlyList<Replacement>>("replaced")
            .Description("Replacements in which this person replaced someone: this person is 'cast', in a role another was dropped from.")
            .ResolveAsync(async ctx => await ReplacementsAsync(ctx, r => r.Cast.Id == ctx.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplacementType>>>, IReadOnlyList<Replacement>>("replacedBy")
            .Description("Replacements in which this person was replaced: this person is 'dropped', and someone else was cast in the role.")
            .ResolveAsync(async ctx => await ReplacementsAsync(ctx, r => r.Dropped.Id == ctx.Source.Id));
    }

    private static async Task<IReadOnlyList<Replacement>> ReplacementsAsync(IResolveFieldContext<Person> context, Func<Replacement, bool> keep)
    {
        var all = await context.Store().ReplacementsOfPersonAsync(context.Source.Id, context.CancellationToken);
        return [.. all.Where(keep)];
    }
}
