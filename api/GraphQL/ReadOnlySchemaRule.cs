using GraphQL.Validation;
using GraphQLParser.AST;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// Refuses mutations and subscriptions at validation: the schema has neither. Left alone, such a document reaches the
/// complexity analyzer, which throws on an operation type the schema lacks, and the caller would see an internal
/// error instead of a validation error naming the problem.
/// </summary>
internal sealed class ReadOnlySchemaRule : ValidationRuleBase
{
    public const string Code = "OPERATION_NOT_SUPPORTED";

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, context) =>
    {
        if (operation.Operation == OperationType.Query) return;
        var kind = operation.Operation == OperationType.Mutation ? "mutations" : "subscriptions";
        context.ReportError(new ValidationError(context.Document.Source, null, $"The FilmGraph schema is read-only: it has no {kind}.", operation)
        {
            Code = Code,
        });
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
