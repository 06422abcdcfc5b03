using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class FilmInputType : InputObjectGraphType
{
    public FilmInputType()
    {
        Name = "FilmInput";
        Description = "A film to create, or to update by id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, e.g. \"la-la-land-2016\".");
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title.");
        Field<IntGraphType>("year").Description("The release year.");
    }
}
