using GraphQL.Validation;
using GraphQLParser.AST;

namespace FilmGraph.Api.Extensions;

/// <summary>
/// Refuses mutations and subscriptions at validation: the schema has neither. Reported here, as a validation error,
/// rather than left to execution, where it would surface as a failure of the server instead of the request.
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
