using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// GraphQL.NET's <see cref="NoIntrospectionValidationRule"/> (a <c>__schema</c> or <c>__type</c> field is a
/// validation error, code <c>NO_INTROSPECTION</c>) when <see cref="GraphQLSettings.Introspection"/> is off, and
/// nothing when it is on. <c>__typename</c> is no introspection query and is always answered.
/// </summary>
internal sealed class IntrospectionRule(IOptions<GraphQLSettings> settings) : ValidationRuleBase
{
    private readonly bool _allowed = settings.Value.Introspection;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        _allowed ? default : NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
}
