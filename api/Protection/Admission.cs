using FilmGraph.Api.Auth;
using FilmGraph.Api.Observability;
using FilmGraph.Api.PersistedQueries;
using FilmGraph.Api.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Protection;

/// <summary>
/// Everything a GraphQL request must pass before it runs, in order, each step cheap and bounded: the query resolved
/// from a persisted hash or checked against it, read within its limits (<see cref="DocumentReader"/>), measured with
/// its fragments expanded (<see cref="DocumentShape"/>), its operation allowed for the method and the caller, and
/// priced (<see cref="CostAnalysis"/>). The first step that refuses decides the answer.
/// </summary>
internal sealed class Admission(FilmGraphSchema schema, IOptions<RequestLimits> limits, ApiKeyRing keys, PersistedQueryStore persisted)
{
    private readonly DocumentCache _documents = new(limits.Value.DocumentCacheCharacters);

    /// <summary>
    /// A request let through: the query text it runs and its document, which has passed validation before when
    /// <see cref="DocumentCache.Entry.Validated"/> says so (the executer is then told to skip it, and told to mark it).
    /// </summary>
    public sealed record Admitted(string Query, DocumentCache.Entry Document);

    /// <summary>A request refused: the HTTP status and the error.</summary>
    public sealed record Refused(int Status, ExecutionError Error, string? Allow = null, bool Challenge = false);

    /// <summary>Either the request let through, or the refusal that answers it.</summary>
    public (Admitted? Admitted, Refused? Refused) Admit(GraphQLRequest request, Caller? caller, bool isGet, bool graphQLResponse, bool authorizationSent, GraphQLRequestRecord record)
    {
        var refusedStatus = graphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var (query, unresolved) = persisted.Resolve(string.IsNullOrWhiteSpace(request.Query) ? null : request.Query, request.Extensions);
        if (unresolved is not null) return (null, new Refused(refusedStatus, unresolved));
        if (query is null) return (null, new Refused(StatusCodes.Status400BadRequest, new ExecutionError("The request has no 'query'.") { Code = "BAD_REQUEST" }));

        if (!_documents.TryGet(query, out var entry))
        {
            GraphQLDocument? document;
            ExecutionError? refusal;
            using (var parse = Telemetry.Source.StartActivity("graphql.parse"))
            {
                (document, refusal) = DocumentReader.Read(query, limits.Value);
                var shape = document is null ? null : DocumentShape.Of(document);
                refusal ??= shape?.Refusal(limits.Value);
                parse?.SetTag("graphql.document.length", query.Length);
                parse?.SetTag("graphql.document.fields", shape?.Fields);
                parse?.SetTag("graphql.refused", refusal?.Code);
            }
            if (refusal is not null) return (null, new Refused(refusedStatus, refusal));
            entry = _documents.Add(query, document!);
        }
        var operation = SelectedOperation(entry.Document, request.OperationName);
        record.OperationType = operation?.ToString().ToLowerInvariant();
        if (isGet && operation is OperationType.Mutation or OperationType.Subscription)
        {
            return (null, new Refused(StatusCodes.Status405MethodNotAllowed,
                new ExecutionError("GET runs queries only; send mutations and subscriptions with POST.") { Code = "METHOD_NOT_ALLOWED" }, Allow: HttpMethods.Post));
        }
        if (caller is null && (operation == OperationType.Mutation || keys.RequireKeyForReads))
        {
            var what = operation == OperationType.Mutation ? "Writing" : "Reading";
            var message = !keys.Configured
                ? $"{what} is not possible: this API is read-only, as no API key is configured ({AuthOptions.Section}:ApiKeys)."
                : authorizationSent ? "The API key sent is not one this API knows." : $"{what} needs an API key: send it as 'Authorization: Bearer KEY'.";
            return (null, new Refused(graphQLResponse ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK,
                new ExecutionError(message) { Code = "UNAUTHENTICATED" }, Challenge: graphQLResponse));
        }

        using var validate = Telemetry.Source.StartActivity("graphql.validate");
        record.Cost = CostAnalysis.Of(schema, entry.Document, request.OperationName, request.Variables);
        validate?.SetTag("graphql.cost", record.Cost);
        var tooCostly = CostAnalysis.Refusal(record.Cost.Value, limits.Value);
        return tooCostly is null ? (new Admitted(query, entry), null) : (null, new Refused(refusedStatus, tooCostly));
    }

    /// <summary>The kind of operation the request would run, or null when the executer must decide (and report).</summary>
    private static OperationType? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation;
    }
}
