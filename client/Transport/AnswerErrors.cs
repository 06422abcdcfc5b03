using System.Net;
using System.Text.Json;

namespace FilmGraph.Client.Transport;

/// <summary>Turns an answer's <c>errors</c>, or a body that is no GraphQL answer, into the exception the caller gets.</summary>
internal static class AnswerErrors
{
    /// <summary>The exception for this answer, or null when it is a GraphQL answer without errors.</summary>
    public static FilmGraphException? Of(Answer answer)
    {
        if (answer.Body is not { RootElement: { ValueKind: JsonValueKind.Object } root })
        {
            var what = answer.MediaType is null ? "no body" : $"a {answer.MediaType} body";
            return Exception($"The FilmGraph API answered {(int)answer.Status} {answer.Status} with {what}, not a GraphQL answer.", [], answer, null);
        }
        var errors = Read(root);
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : (JsonElement?)null;
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more error{(errors.Count > 2 ? "s" : "")})" : "";
            return Exception(errors[0].Message + more, errors, answer, data);
        }
        // A proxy's error page may be JSON too: without data it is no answer.
        if (data is null || (int)answer.Status >= 400)
            return Exception($"The FilmGraph API answered {(int)answer.Status} {answer.Status} without data or errors.", [], answer, data);
        return null;
    }

    private static FilmGraphException Exception(string message, IReadOnlyList<FilmGraphError> errors, Answer answer, JsonElement? data) =>
        answer.Status == HttpStatusCode.TooManyRequests || errors.FirstOrDefault()?.Code == FilmGraphCodes.RateLimited
            ? new FilmGraphRateLimitedException(message, answer.RetryAfter, errors, answer.Status, data)
            : new FilmGraphException(message, errors, answer.Status, data);

    private static List<FilmGraphError> Read(JsonElement root)
    {
        var errors = new List<FilmGraphError>();
        if (!root.TryGetProperty("errors", out var list) || list.ValueKind != JsonValueKind.Array) return errors;
        foreach (var error in list.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object) continue;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
            var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (error.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var entry in e.EnumerateObject()) extensions[entry.Name] = entry.Value.Clone();
            var code = extensions.TryGetValue("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            errors.Add(new FilmGraphError(message, code, Path(error), extensions));
        }
        return errors;
    }

    // Path entries are field names (strings) and list indexes (numbers).
    private static List<object>? Path(JsonElement error)
    {
        if (!error.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array) return null;
        return path.EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var index) ? (object)index : p.ToString())
            .ToList();
    }
}
