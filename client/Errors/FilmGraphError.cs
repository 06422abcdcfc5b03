using System.Text.Json;

namespace FilmGraph.Client;

/// <summary>One GraphQL error of an answer, as the server sent it.</summary>
/// <param name="Message">What went wrong, for a person to read.</param>
/// <param name="Code"><c>extensions.code</c>: what went wrong, for a program to test (see <see cref="FilmGraphCodes"/>).</param>
/// <param name="Path">The field the error belongs to: names and list indexes (<c>int</c>) from the root; null for a request error.</param>
/// <param name="Extensions">Every entry of <c>extensions</c>, the code too: <c>argument</c>, <c>limit</c>, <c>line</c>, <c>jsonPath</c>, ...</param>
public sealed record FilmGraphError(string Message, string? Code, IReadOnlyList<object>? Path, IReadOnlyDictionary<string, JsonElement> Extensions);
