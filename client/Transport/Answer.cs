using System.Net;
using System.Text.Json;

namespace FilmGraph.Client.Transport;

/// <summary>An HTTP answer read whole: its status, its JSON body when it had one, and its <c>Retry-After</c>.</summary>
internal sealed class Answer(HttpStatusCode status, string? mediaType, JsonDocument? body, TimeSpan? retryAfter) : IDisposable
{
    public HttpStatusCode Status => status;

    public string? MediaType => mediaType;

    public JsonDocument? Body => body;

    public TimeSpan? RetryAfter => retryAfter;

    /// <summary>The first error's code, or null when there is no error (or no GraphQL body).</summary>
    public string? FirstCode =>
        body is not null && body.RootElement.ValueKind == JsonValueKind.Object &&
        body.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 &&
        errors[0].TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object &&
        extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    public void Dispose() => body?.Dispose();
}
