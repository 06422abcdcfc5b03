using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class CoStarType : ObjectGraphType<CoStar>
{
    public CoStarType()
    {
        Name = "CoStar";
        Description = "Someone cast in the same films as a person.";
        Field<NonNullGraphType<PersonType>, Person>("person").Description("The co-star.").Resolve(ctx => ctx.Source.Person);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FilmType>>>, IReadOnlyList<Film>>("sharedFilms")
            .Description("The films both were cast in, by id.").Resolve(ctx => ctx.Source.SharedFilms);
    }
}
