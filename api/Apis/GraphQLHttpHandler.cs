using System.Text.Json;
using FilmGraph.Api.Auth;
using FilmGraph.Api.GraphQL;
using FilmGraph.Api.Observability;
using FilmGraph.Api.PersistedQueries;
using FilmGraph.Api.Protection;
using FilmGraph.Api.Schema;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FilmGraph.Api.Apis;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST with an <c>application/json</c> body, GET with
/// <c>query</c>, <c>variables</c>, <c>operationName</c> and <c>extensions</c> in the URL for queries only. A request
/// that is not a well-formed GraphQL request gets 4xx and a GraphQL-shaped error body. When the caller accepts
/// <c>application/graphql-response+json</c>, a document that fails to parse or validate gets 400; with
/// <c>application/json</c> every GraphQL answer is 200, as older clients expect.
/// <para>
/// Nothing runs before the request is known to be within <see cref="RequestLimits"/>: the body's size, the query's
/// length, tokens and nesting (<see cref="DocumentReader"/>), its size with fragments expanded
/// (<see cref="DocumentShape"/>) and its cost (<see cref="CostAnalysis"/>). A refusal is answered like a document
/// that does not validate. Execution then has a time limit, and the answer a size limit.
/// </para>
/// </summary>
internal sealed class GraphQLHttpHandler(
    IDocumentExecuter<FilmGraphSchema> executer, IGraphQLTextSerializer serializer, IOptions<RequestLimits> options,
    ApiKeyRing keys, Admission admission, HttpValidators validators, ValidationRules rules)
{
    private RequestLimits Limits => options.Value;

    public async Task HandleAsync(HttpContext http)
    {
        // A person who opened /graphql in a browser wants to try queries, not to read "the request has no query".
        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Query.ContainsKey("query") && !http.Request.Query.ContainsKey("extensions")
            && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.Redirect("/graphiql");
            return;
        }
        var record = new GraphQLRequestRecord();
        http.Features.Set(record);
        var wantsGraphQLResponse = GraphQLMediaTypes.PrefersGraphQLResponse(http.Request);
        GraphQLRequest request;
        var caller = keys.Identify(http.Request.Headers.Authorization);
        try
        {
            request = http.Request.Method switch
            {
                var m when HttpMethods.IsGet(m) => ReadGet(http.Request),
                var m when HttpMethods.IsPost(m) => await ReadPostAsync(http.Request, caller is null ? Limits.MaxBodyBytes : Limits.MaxKeyHolderBodyBytes),
                var m => throw BadGraphQLRequest.MethodNotAllowed($"/graphql answers GET and POST, not {m}.", "GET, POST"),
            };
            record.OperationName = request.OperationName;
        }
        catch (BadGraphQLRequest bad)
        {
            record.Outcome = "refused";
            if (bad.Allow is not null) http.Response.Headers.Allow = bad.Allow;
            var error = new ExecutionError(bad.Message) { Code = bad.Code };
            await WriteAsync(http, bad.Status, new ExecutionResult { Errors = [error] }, wantsGraphQLResponse);
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        var (admitted, refused) = admission.Admit(request, caller, isGet, wantsGraphQLResponse, http.Request.Headers.Authorization.Count > 0, record);
        if (refused is not null)
        {
            record.Outcome = "refused";
            if (refused.Allow is not null) http.Response.Headers.Allow = refused.Allow;
            if (refused.Challenge) http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(http, refused.Status, new ExecutionResult { Errors = [refused.Error] }, wantsGraphQLResponse);
            return;
        }
        var (query, cached) = admitted!;

        // A GET the caller already holds the answer to, unchanged since: 304, and nothing runs.
        var tag = isGet ? validators.Tag(query, http.Request) : null;
        if (tag is not null && HttpValidators.Matches(http.Request, tag))
        {
            record.Outcome = "not-modified";
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            validators.Mark(http.Response, tag);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(Limits.ExecutionTimeout);
        ExecutionResult result;
        // GraphQL.NET validates the document itself inside ExecuteAsync; this span covers both.
        using var execute = Telemetry.Source.StartActivity("graphql.execute");
        execute?.SetTag("graphql.operation.name", request.OperationName);
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = query,
                Document = cached.Document,
                // A document that passed once passes again (see DocumentCache); variables are still coerced.
                ValidationRules = cached.Validated ? [] : rules.All,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                UserContext = new Dictionary<string, object?>
                {
                    [Writes.CallerKey] = caller,
                    [ExecutionDeadline.Key] = new ExecutionDeadline(deadline, Limits.ExecutionTimeout),
                },
                CancellationToken = deadline.Token,
            });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller left: nobody is there to answer, and the work has stopped with the token.
            record.Outcome = "cancelled";
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            record.Outcome = "timeout";
            var seconds = Limits.ExecutionTimeout.TotalSeconds;
            result = new ExecutionResult
            {
                Errors = [new LimitError(LimitCodes.Timeout, $"The query ran longer than {seconds:0.###} s and was stopped.", ("limit", seconds))],
            };
            await WriteAsync(http, StatusCodes.Status200OK, result, wantsGraphQLResponse);
            return;
        }
        if (result.Executed) cached.Validated = true;
        if (result.Errors is { Count: > 0 }) record.Outcome = result.Executed ? "failed" : "refused";
        execute?.SetTag("graphql.errors", result.Errors?.Count ?? 0);
        // Executed is false when the document did not validate, or its variables did not fit.
        var answered = !result.Executed && wantsGraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        // Only a whole answer may be cached, and only if the data did not change while it was made.
        if (tag is not null && result.Errors is not { Count: > 0 } && validators.StillCurrent(tag)) validators.Mark(http.Response, tag);
        await WriteAsync(http, answered, result, wantsGraphQLResponse);
    }

    private async Task<GraphQLRequest> ReadPostAsync(HttpRequest http, long limit)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType) ||
            !contentType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadGraphQLRequest(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"A POST to /graphql needs Content-Type: {GraphQLMediaTypes.Json}; got '{Cut(http.ContentType ?? "")}'.");
        }
        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadGraphQLRequest(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"A POST to /graphql is read as UTF-8; charset '{Cut(contentType.Charset.Value ?? "")}' is not supported.");
        }
        if (http.ContentLength > limit) throw BadGraphQLRequest.TooLarge(limit);
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Body, http.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw BadGraphQLRequest.TooLarge(limit);
        }
        catch (JsonException e)
        {
            throw BadGraphQLRequest.Malformed(
                $"The body is not a GraphQL request (a JSON object with query, variables, operationName, extensions): {Where(e)}.");
        }
        return Checked(request);
    }

    private GraphQLRequest ReadGet(HttpRequest http) => Checked(new GraphQLRequest
    {
        Query = http.Query["query"],
        OperationName = http.Query["operationName"],
        Variables = ReadInputs(http, "variables"),
        Extensions = ReadInputs(http, "extensions"),
    });

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

    // A missing query may still be named by a persisted hash; Admission decides.
    private static GraphQLRequest Checked(GraphQLRequest? request) =>
        request ?? throw BadGraphQLRequest.Malformed("The request has no 'query'.");

    /// <summary>A value of the caller's quoted back, cut to a readable length.</summary>
    private string Cut(string value) =>
        value.Length <= Limits.MaxEchoLength ? value : $"{value[..Limits.MaxEchoLength]}... ({value.Length} characters)";

    /// <summary>
    /// Writes the answer whole, or not at all: it is built in a buffer no larger than the response limit, and one
    /// that outgrows it is replaced by an error saying so. Errors past the limit on their number are summed up.
    /// </summary>
    private async Task WriteAsync(HttpContext http, int status, ExecutionResult result, bool graphQLResponse)
    {
        var record = http.Features.Get<GraphQLRequestRecord>();
        if (result.Errors is { } errors && errors.Count > Limits.MaxErrors)
        {
            var kept = new ExecutionErrors();
            foreach (var error in errors.Take(Limits.MaxErrors)) kept.Add(error);
            kept.Add(new LimitError(LimitCodes.TooManyErrors, $"{errors.Count - Limits.MaxErrors} more errors were left out.", ("limit", Limits.MaxErrors)));
            result.Errors = kept;
        }
        using var body = new BoundedBuffer(Limits.MaxResponseBytes);
        try
        {
            await serializer.WriteAsync(body, result, http.RequestAborted);
        }
        catch (ResponseTooLargeException e)
        {
            body.SetLength(0);
            result = new ExecutionResult
            {
                Errors = [new LimitError(LimitCodes.ResponseTooLarge,
                    $"The answer would be larger than {e.Limit} bytes; ask for less (smaller first or limit, fewer fields).", ("limit", e.Limit))],
            };
            if (record is not null) record.Outcome = "refused";
            await serializer.WriteAsync(body, result, http.RequestAborted);
        }
        if (record is not null)
        {
            foreach (var error in result.Errors ?? []) record.AddCode(error.Code);
            record.ResponseBytes = body.Length;
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = (graphQLResponse ? GraphQLMediaTypes.GraphQLResponse : GraphQLMediaTypes.Json) + "; charset=utf-8";
        http.Response.ContentLength = body.Length;
        body.Position = 0;
        await body.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private sealed class BadGraphQLRequest(int status, string code, string message, string? allow = null) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;

        /// <summary>The methods to list in the Allow header of a 405.</summary>
        public string? Allow { get; } = allow;

        public static BadGraphQLRequest Malformed(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

        public static BadGraphQLRequest TooLarge(long limit) =>
            new(StatusCodes.Status413PayloadTooLarge, LimitCodes.PayloadTooLarge, $"The request body is larger than {limit} bytes.");

        public static BadGraphQLRequest MethodNotAllowed(string message, string allow) =>
            new(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", message, allow);
    }
}
