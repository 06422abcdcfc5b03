using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FilmGraph.Client.Json;
using FilmGraph.Client.Transport;

namespace FilmGraph.Client;

/// <summary>
/// The FilmGraph API over HTTP: a typed method for each common question and each write, and
/// <see cref="QueryAsync{T}(string, object?, string?, CancellationToken)"/> for anything else. An answer with errors
/// throws <see cref="FilmGraphException"/> (<see cref="FilmGraphRateLimitedException"/> for a 429 the retries did not
/// get past). Thread-safe: one instance may serve many callers, as the <see cref="HttpClient"/> under it does.
/// </summary>
public sealed partial class FilmGraphClient
{
    // For the caller's own types in QueryAsync: the client's types from its generated metadata, the rest by reflection.
    private static JsonSerializerOptions? _reflectionOptions;

    private readonly GraphQLTransport _transport;

    /// <summary>A client over <paramref name="http"/>, whose <see cref="HttpClient.BaseAddress"/> is the API's address.</summary>
    /// <param name="http">
    /// The client to send with; its <see cref="HttpClient.BaseAddress"/> is the API's address (<c>http://localhost:5000/</c>)
    /// or its GraphQL endpoint (<c>http://localhost:5000/graphql</c>). <c>services.AddFilmGraphClient(uri)</c> makes one.
    /// </param>
    /// <param name="options">The key, persisted queries, retries; the defaults when left out.</param>
    public FilmGraphClient(HttpClient http, FilmGraphClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _transport = new GraphQLTransport(http, options ?? new FilmGraphClientOptions());
    }

    /// <summary>The URL the client sends its requests to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <summary>
    /// Runs any GraphQL document and reads its <c>data</c> into <typeparamref name="T"/> (JSON names in camelCase, as
    /// the schema has them; <see cref="JsonElement"/> for the raw answer).
    /// </summary>
    /// <param name="query">The document. A query goes by GET when sent by hash; a mutation always by POST.</param>
    /// <param name="variables">An object or dictionary whose members are the variables, or a <see cref="JsonObject"/>.</param>
    /// <param name="operationName">The operation of the document to run, when it has several.</param>
    /// <param name="ct">Stops waiting for the answer (and for a retry).</param>
    /// <exception cref="FilmGraphException">The answer had errors; <see cref="FilmGraphException.PartialData"/> has the rest.</exception>
    [RequiresUnreferencedCode("Reads T and the variables by reflection; use the overload taking a JsonTypeInfo<T> when trimming.")]
    [RequiresDynamicCode("Reads T and the variables by reflection; use the overload taking a JsonTypeInfo<T> when compiling ahead of time.")]
    public async Task<T> QueryAsync<T>(string query, object? variables = null, string? operationName = null, CancellationToken ct = default)
    {
        var json = variables switch
        {
            null => null,
            JsonObject o => o,
            _ => JsonSerializer.SerializeToNode(variables, variables.GetType(), ReflectionOptions()) as JsonObject
                ?? throw new ArgumentException("The variables must serialize to a JSON object.", nameof(variables)),
        };
        return await DataAsync(query, operationName, json, data => data.Deserialize<T>(ReflectionOptions()), ct);
    }

    /// <summary>As <see cref="QueryAsync{T}(string, object?, string?, CancellationToken)"/>, reading <c>data</c> with generated metadata: no reflection.</summary>
    /// <param name="query">The document.</param>
    /// <param name="dataType">How to read <c>data</c>: a property of the caller's own <c>JsonSerializerContext</c>.</param>
    /// <param name="variables">The variables.</param>
    /// <param name="operationName">The operation of the document to run, when it has several.</param>
    /// <param name="ct">Stops waiting for the answer (and for a retry).</param>
    /// <exception cref="FilmGraphException">The answer had errors; <see cref="FilmGraphException.PartialData"/> has the rest.</exception>
    public Task<T> QueryAsync<T>(string query, JsonTypeInfo<T> dataType, JsonObject? variables = null, string? operationName = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        return DataAsync(query, operationName, variables, data => data.Deserialize(dataType), ct);
    }

    [RequiresUnreferencedCode("Reads the caller's types by reflection.")]
    [RequiresDynamicCode("Reads the caller's types by reflection.")]
    private static JsonSerializerOptions ReflectionOptions() => _reflectionOptions ??= new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(FilmGraphJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    private async Task<T> DataAsync<T>(string query, string? operationName, JsonObject? variables, Func<JsonElement, T?> read, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var operation = new GraphQLOperation(query, operationName, variables, OperationKind.IsQuery(query));
        using var answer = await _transport.ExecuteAsync(operation, ct);
        var data = answer.RootElement.GetProperty("data");
        return read(data) ?? throw new FilmGraphException("The FilmGraph API answered null data.");
    }

    /// <summary>Runs one of the client's own documents and reads its one root field; null when the field is null.</summary>
    private async Task<T?> FieldAsync<T>(string query, string field, JsonObject variables, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var operation = new GraphQLOperation(query, null, variables, IsQuery: !query.StartsWith("mutation", StringComparison.Ordinal));
        using var answer = await _transport.ExecuteAsync(operation, ct);
        if (!answer.RootElement.GetProperty("data").TryGetProperty(field, out var value))
            throw new FilmGraphException($"The FilmGraph API's answer has no '{field}'.");
        return value.Deserialize(type);
    }

    /// <summary>As <see cref="FieldAsync{T}"/>, for a field the server answers null only with an error (which has thrown).</summary>
    private async Task<T> RequiredFieldAsync<T>(string query, string field, JsonObject variables, JsonTypeInfo<T> type, CancellationToken ct) =>
        await FieldAsync(query, field, variables, type, ct) ?? throw new FilmGraphException($"The FilmGraph API answered '{field}' with null and no error.");
}
