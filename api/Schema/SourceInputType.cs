using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SourceInputType : InputObjectGraphType
{
    public SourceInputType()
    {
        Name = "SourceInput";
        Description = "Where a fact came from.";
        Field<NonNullGraphType<StringGraphType>>("document").Description("The document's name or URL.");
        Field<StringGraphType>("quote").Description("A short quote from it that states the fact.");
    }
}
