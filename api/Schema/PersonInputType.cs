using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class PersonInputType : InputObjectGraphType
{
    public PersonInputType()
    {
        Name = "PersonInput";
        Description = "A person to create, or to update by id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, e.g. \"emma-stone\".");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name the person is known by.");
        Field<IntGraphType>("born").Description("Year of birth.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names; left out, none.");
    }
}
