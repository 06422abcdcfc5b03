using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A person or film matching a search.";
        Field<NonNullGraphType<NodeKindEnum>, NodeKind>("kind").Description("PERSON or FILM.").Resolve(ctx => ctx.Source.Kind);
        Field(h => h.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person's or film's id.");
        Field(h => h.Label).Description("The name or title.");
        Field(h => h.Score).Description("How well it matches; higher is better. Comparable within one search only.");
        Field<PersonType, Person>("person").Description("The person, when kind is PERSON.").Resolve(ctx => ctx.Source.Person);
        Field<FilmType, Film>("film").Description("The film, when kind is FILM.").Resolve(ctx => ctx.Source.Film);
    }
}
