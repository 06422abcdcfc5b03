using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class FilmCreditType : ObjectGraphType<Credit>
{
    public FilmCreditType()
    {
        Name = "FilmCredit";
        Description = "A person's relationship to a film, seen from the film.";
        Field<NonNullGraphType<PersonType>, Person>("person").Description("The person.").Resolve(ctx => ctx.Source.Person);
        this.AddRelationshipFields();
    }
}
