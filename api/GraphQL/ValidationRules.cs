using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// The rules a document is validated by the first time it is sent: GraphQL.NET's own, then FilmGraph's. They are handed
/// to the executer with each request rather than added in the GraphQL builder, which appends its rules to every request's
/// list: a document that passed once (<see cref="Protection.DocumentCache"/>) then still walked the whole tree for them,
/// a fifth of the API's time on a short query.
/// </summary>
internal sealed class ValidationRules(IOptions<GraphQLSettings> settings)
{
    public IReadOnlyList<IValidationRule> All { get; } =
        [.. DocumentValidator.CoreRules, new NoSubscriptionsRule(), new IntrospectionRule(settings)];
}
