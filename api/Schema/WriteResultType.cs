using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class WriteResultType : ObjectGraphType<WriteResult>
{
    public WriteResultType()
    {
        Name = "WriteResult";
        Description = "What a write did. It is durable, and visible to the next query, when the answer is sent.";
        Field(r => r.Created).Description("Records that did not exist before.");
        Field(r => r.Updated).Description("Records that existed and changed.");
        Field(r => r.Unchanged).Description("Records that existed exactly as given.");
        Field(r => r.Deleted).Description("Relationships removed (unlink only).");
    }
}
