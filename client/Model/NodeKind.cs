using System.Text.Json.Serialization;

namespace FilmGraph.Client;

/// <summary>Whether a node is a person or a film.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NodeKind>))]
public enum NodeKind
{
    /// <summary>A person.</summary>
    [JsonStringEnumMemberName("PERSON")]
    Person,

    /// <summary>A film.</summary>
    [JsonStringEnumMemberName("FILM")]
    Film,
}
