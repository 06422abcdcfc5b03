using System.Text.Json;

namespace FilmGraph.Formats;

/// <summary>
/// One JSON token with the line it starts on. <c>Text</c> is the value of a string or property name, or the literal
/// text of a number. <c>OversizeBytes</c> is non-zero for a string too long to hold: its text is then empty.
/// </summary>
internal readonly record struct JsonToken(JsonTokenType Type, int Line, string? Text, long OversizeBytes = 0);
