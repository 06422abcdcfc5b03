using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilmGraph.Client.Json;

namespace FilmGraph.Client.Transport;

/// <summary>
/// GraphQL over HTTP to one FilmGraph API: automatic persisted queries (the hash first, by GET for a query; the text
/// only when the server asks for it), requests refused with 429 sent again after their <c>Retry-After</c>, and every
/// answer with errors turned into an exception.
/// </summary>
internal sealed class GraphQLTransport
{
    // Past this, a GET may be cut or refused by a proxy (common limits are 2 to 8 kB); such a request goes by POST.
    private const int MaxGetUrlLength = 2048;

    // Prefer the GraphQL-over-HTTP media type: under it a refusal has an honest status (400, 401), and the body is
    // GraphQL either way.
    private const string Accept = "application/graphql-response+json, application/json;q=0.9";

    private readonly HttpClient _http;
    private readonly FilmGraphClientOptions _options;
    private readonly Uri _endpoint;

    // Set once a server says it has no persisted queries: asking it by hash first would double every request.
    private volatile bool _persistedUnsupported;

    public GraphQLTransport(HttpClient http, FilmGraphClientOptions options)
    {
        _http = http;
        _options = options;
        _endpoint = EndpointOf(http.BaseAddress);
    }

    /// <summary>The URL requests go to: the API's /graphql.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Runs the operation; its answer's body when it has no errors, else the exception they make.</summary>
    public async Task<JsonDocument> ExecuteAsync(GraphQLOperation operation, CancellationToken ct)
    {
        if (!_options.PersistedQueries || _persistedUnsupported)
            return Checked(await ExchangeAsync(operation, hash: null, sendText: true, ct));

        var hash = PersistedQuery.Hash(operation.Query);
        var answer = await ExchangeAsync(operation, hash, sendText: false, ct);
        var code = answer.FirstCode;
        if (code is FilmGraphCodes.PersistedQueryNotFound or FilmGraphCodes.PersistedQueryNotSupported)
        {
            answer.Dispose();
            var supported = code == FilmGraphCodes.PersistedQueryNotFound;
            if (!supported) _persistedUnsupported = true;
            // With the hash, the server keeps the text: the next request by hash alone is a hit.
            answer = await ExchangeAsync(operation, supported ? hash : null, sendText: true, ct);
        }
        return Checked(answer);
    }

    private static JsonDocument Checked(Answer answer)
    {
        var error = AnswerErrors.Of(answer);
        if (error is null) return answer.Body!;
        answer.Dispose();
        throw error;
    }

    /// <summary>One request, sent again (each time anew) while the server refuses it with 429 and the retries last.</summary>
    private async Task<Answer> ExchangeAsync(GraphQLOperation operation, string? hash, bool sendText, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = Request(operation, hash, sendText);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var retryAfter = RetryAfter(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < _options.MaxRetries)
            {
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                if (wait <= _options.MaxRetryDelay)
                {
                    await Task.Delay(wait, ct);
                    continue;
                }
            }
            return await ReadAsync(response, retryAfter, ct);
        }
    }

    private HttpRequestMessage Request(GraphQLOperation operation, string? hash, bool sendText)
    {
        var extensions = hash is null ? null : PersistedQuery.Extensions(hash);
        HttpRequestMessage? request = null;
        // Only a query named by its hash goes by GET: that URL is short and the same each time, so a cache can keep it.
        if (operation.IsQuery && !sendText && extensions is not null)
        {
            var url = GetUrl(operation, extensions);
            if (url.Length <= MaxGetUrlLength) request = new HttpRequestMessage(HttpMethod.Get, url);
        }
        request ??= new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(
                new GraphQLRequestBody(sendText ? operation.Query : null, operation.Variables, operation.OperationName, extensions),
                FilmGraphJsonContext.Default.GraphQLRequestBody),
        };
        request.Headers.Accept.ParseAdd(Accept);
        if (_options.ApiKey is { Length: > 0 } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private string GetUrl(GraphQLOperation operation, JsonObject extensions)
    {
        var url = new StringBuilder(_endpoint.AbsoluteUri).Append('?');
        if (operation.OperationName is not null) url.Append("operationName=").Append(Uri.EscapeDataString(operation.OperationName)).Append('&');
        if (operation.Variables is { Count: > 0 }) url.Append("variables=").Append(Uri.EscapeDataString(operation.Variables.ToJsonString())).Append('&');
        return url.Append("extensions=").Append(Uri.EscapeDataString(extensions.ToJsonString())).ToString();
    }

    private static async Task<Answer> ReadAsync(HttpResponseMessage response, TimeSpan? retryAfter, CancellationToken ct)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return new Answer(response.StatusCode, mediaType, null, retryAfter);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        try
        {
            return new Answer(response.StatusCode, mediaType, await JsonDocument.ParseAsync(stream, default, ct), retryAfter);
        }
        catch (JsonException e)
        {
            throw new FilmGraphException($"The FilmGraph API answered {(int)response.StatusCode} with a body that is not JSON.",
                statusCode: response.StatusCode, innerException: e);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    // The client is given the API's address; its GraphQL endpoint is /graphql below it, unless the address is that already.
    private static Uri EndpointOf(Uri? address)
    {
        if (address is null)
            throw new ArgumentException("The HttpClient has no BaseAddress: set it to the FilmGraph API's address, e.g. http://localhost:5000/.");
        if (address.AbsolutePath.EndsWith("/graphql", StringComparison.Ordinal)) return address;
        var text = address.AbsoluteUri;
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), "graphql");
    }
}
