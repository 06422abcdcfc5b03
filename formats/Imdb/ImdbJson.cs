using System.Text.Json.Serialization;

namespace FilmGraph.Formats;

[JsonSerializable(typeof(string[]))]
internal sealed partial class ImdbJson : JsonSerializerContext;
