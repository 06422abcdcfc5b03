using System.Net;
using System.Text.Json;

namespace FilmGraph.Client;

/// <summary>
/// The FilmGraph API answered with errors, or with something that is no GraphQL answer. <see cref="Code"/>, <see cref="Path"/>
/// and <see cref="Extensions"/> are those of the first error; <see cref="Errors"/> has them all.
/// </summary>
public class FilmGraphException : Exception
{
    /// <summary>An exception for the errors of one answer.</summary>
    /// <param name="message">The message; the first error's when the answer had errors.</param>
    /// <param name="errors">The answer's errors; empty when it had none (an answer that was no GraphQL answer).</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="partialData">The answer's <c>data</c>, when it had any beside the errors.</param>
    /// <param name="innerException">What made the answer unreadable, if anything.</param>
    public FilmGraphException(string message, IReadOnlyList<FilmGraphError>? errors = null, HttpStatusCode? statusCode = null,
        JsonElement? partialData = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Errors = errors ?? [];
        StatusCode = statusCode;
        PartialData = partialData;
    }

    /// <summary>Every error of the answer, in its order.</summary>
    public IReadOnlyList<FilmGraphError> Errors { get; }

    /// <summary>The first error's <c>extensions.code</c> (see <see cref="FilmGraphCodes"/>); null when it had none.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>The first error's path: the field it belongs to.</summary>
    public IReadOnlyList<object>? Path => Errors.Count > 0 ? Errors[0].Path : null;

    /// <summary>The first error's <c>extensions</c>, the code too.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions =>
        Errors.Count > 0 ? Errors[0].Extensions : new Dictionary<string, JsonElement>();

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// The answer's <c>data</c> when it had some beside its errors: the root fields that did not fail are answered
    /// (for <see cref="FilmGraphClient.QueryAsync{T}(string, object?, string?, CancellationToken)"/> with several).
    /// </summary>
    public JsonElement? PartialData { get; }
}
