using FilmGraph.Core;
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

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplacementType>>>, IReadOnlyList<Replacement>>("replacements")
            .Description("Who replaced whom on this film, by role, dropped id, cast id.")
            .ResolveAsync(async ctx => await ctx.Store().ReplacementsAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}
