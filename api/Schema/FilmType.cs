using FilmGraph.Core;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class FilmType : ObjectGraphType<Film>
{
    public FilmType()
    {
        Name = "Film";
        Description = "A film.";
        Field(f => f.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id, e.g. \"la-la-land-2016\".");
        Field(f => f.Title).Description("The title.");
        Field(f => f.Year, nullable: true).Description("Release year, when known.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FilmCreditType>>>, IReadOnlyList<Credit>>("credits")
            .Description("People's relationships to this film, by type then person id.")
            .TypesArgument("The relationship types to include.")
            .ResolveAsync(async ctx => await ctx.Store().FilmCreditsAsync(ctx.Source.Id, ctx.Types(), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>, IDataLoaderResult<IReadOnlyList<Person>>>("knownFor")
            .Description("The people the film is best known for: anyone credited but DROPPED_FROM, those with the most credits in all first, " +
                "then by id. What tells films of one title apart in a list of search hits; fetched for all of a list's films at once.")
            .FirstArgument(Limits.DefaultKnownFor, Limits.KnownForCeiling)
            .Resolve(ctx => KnownBatch<Person>.Load(ctx, "filmgraph.film.knownFor", ctx.Source.Id, ctx.First(), store => async (ids, first, ct) =>
                (await store.KnownPeopleAsync(ids, first, ct).ConfigureAwait(false)).ToLookup(k => k.FilmId, k => k.Person, StringComparer.Ordinal)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplacementType>>>, IReadOnlyList<Replacement>>("replacements")
            .Description("Who replaced whom on this film, by role, dropped id, cast id.")
            .ResolveAsync(async ctx => await ctx.Store().ReplacementsAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}
