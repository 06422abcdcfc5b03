using GraphQL.Validation;
using GraphQLParser.AST;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// Refuses subscriptions at validation with a code of their own: the schema has none, and the caller should read
/// that, not a message about a missing root type.
/// </summary>
internal sealed class NoSubscriptionsRule : ValidationRuleBase
{
    public const string Code = "OPERATION_NOT_SUPPORTED";

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, context) =>
    {
        if (operation.Operation != OperationType.Subscription) return;
        context.ReportError(new ValidationError(context.Document.Source, null, "The FilmGraph schema has no subscriptions.", operation)
        {
            Code = Code,
        });
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
