using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class PersonCreditType : ObjectGraphType<Credit>
{
    public PersonCreditType()
    {
        Name = "PersonCredit";
        Description = "A person's relationship to a film, seen from the person.";
        Field<NonNullGraphType<FilmType>, Film>("film").Description("The film.").Resolve(ctx => ctx.Source.Film);
        this.AddRelationshipFields();
    }
}
