using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class SourceType : ObjectGraphType<Core.Source>
{
    public SourceType()
    {
        Name = "Source";
        Description = "Where a fact came from.";
        Field(s => s.Document).Description("The document's name or URL.");
        Field(s => s.Quote, nullable: true).Description("A short quote from it that states the fact.");
    }
}
