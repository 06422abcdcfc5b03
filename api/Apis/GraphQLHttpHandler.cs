using System.Text.Json;
using FilmGraph.Api.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Net.Http.Headers;

namespace FilmGraph.Api.Apis;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST with an <c>application/json</c> body, GET with
/// <c>query</c>, <c>variables</c>, <c>operationName</c> and <c>extensions</c> in the URL for queries only. A request
/// that is not a well-formed GraphQL request gets 4xx and a GraphQL-shaped error body. When the caller accepts
/// <c>application/graphql-response+json</c>, a document that fails to parse or validate gets 400; with
/// <c>application/json</c> every GraphQL answer is 200, as older clients expect.
/// </summary>
internal sealed class GraphQLHttpHandler(IDocumentExecuter<FilmGraphSchema> executer, IGraphQLTextSerializer serializer)
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var wantsGraphQLResponse = WantsGraphQLResponse(http.Request);
        GraphQLRequest request;
        try
        {
            request = http.Request.Method switch
            {
                var m when HttpMethods.IsGet(m) => ReadGet(http.Request),
                var m when HttpMethods.IsPost(m) => await ReadPostAsync(http.Request),
                var m => throw BadGraphQLRequest.MethodNotAllowed($"/graphql answers GET and POST, not {m}.", "GET, POST"),
            };
        }
        catch (BadGraphQLRequest bad)
        {
            if (bad.Allow is not null) http.Response.Headers.Allow = bad.Allow;
            var error = new ExecutionError(bad.Message) { Code = bad.Code };
            await WriteAsync(http, bad.Status, new ExecutionResult { Errors = [error] }, wantsGraphQLResponse);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });
        // Executed is false when the document did not parse or validate, or its variables did not fit.
        var status = !result.Executed && wantsGraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(http, status, result, wantsGraphQLResponse);
    }

    private async Task<GraphQLRequest> ReadPostAsync(HttpRequest http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType) ||
            !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadGraphQLRequest(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"A POST to /graphql needs Content-Type: {Json}; got '{http.ContentType}'.");
        }
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Body, http.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw BadGraphQLRequest.Malformed(
                $"The body is not a GraphQL request (a JSON object with query, variables, operationName, extensions): {Where(e)}.");
        }
        return Checked(request);
    }

    private GraphQLRequest ReadGet(HttpRequest http)
    {
        var request = Checked(new GraphQLRequest
        {
            Query = http.Query["query"],
            OperationName = http.Query["operationName"],
            Variables = ReadInputs(http, "variables"),
            Extensions = ReadInputs(http, "extensions"),
        });
        if (SelectedOperation(request) is OperationType.Mutation or OperationType.Subscription)
        {
            throw BadGraphQLRequest.MethodNotAllowed("GET runs queries only; send mutations and subscriptions with POST.", HttpMethods.Post);
        }
        return request;
    }

    private Inputs? ReadInputs(HttpRequest http, string parameter)
    {
        var text = (string?)http.Query[parameter];
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            return serializer.Deserialize<Inputs>(text);
        }
        catch (JsonException e)
        {
            throw BadGraphQLRequest.Malformed($"'{parameter}' is not a JSON object: {Where(e)}.");
        }
    }

    // The exception's own message can name .NET types; the position is what the caller needs.
    private static string Where(JsonException e) =>
        e.LineNumber is long line ? $"the problem is at line {line + 1}, byte {e.BytePositionInLine + 1}" : "the JSON is malformed";

    private static GraphQLRequest Checked(GraphQLRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
            throw BadGraphQLRequest.Malformed("The request has no 'query'.");
        return request;
    }

    /// <summary>The kind of operation the request would run, or null when the executer must decide (and report).</summary>
    private static OperationType? SelectedOperation(GraphQLRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = request.OperationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return selected?.Operation;
    }

    private static bool WantsGraphQLResponse(HttpRequest http)
    {
        var accept = http.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0.0)
            .Max();
        var graphQLResponse = Quality(GraphQLResponse);
        return graphQLResponse > 0 && graphQLResponse >= Quality(Json);
    }

    private async Task WriteAsync(HttpContext http, int status, ExecutionResult result, bool graphQLResponse)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = (graphQLResponse ? GraphQLResponse : Json) + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private sealed class BadGraphQLRequest(int status, string code, string message, string? allow = null) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;

        /// <summary>The methods to list in the Allow header of a 405.</summary>
        public string? Allow { get; } = allow;

        public static BadGraphQLRequest Malformed(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

        public static BadGraphQLRequest MethodNotAllowed(string message, string allow) =>
            new(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", message, allow);
    }
}
