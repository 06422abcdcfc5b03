using System.Text.Json.Serialization;

namespace FilmGraph.Client;

/// <summary>How a person relates to a film, or (<see cref="ConflictedWith"/>) to another person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelationshipType>))]
public enum RelationshipType
{
    /// <summary>Acted in the film, in a role.</summary>
    [JsonStringEnumMemberName("CAST_IN")]
    CastIn,

    /// <summary>Was attached to the film in a role, and left or was let go.</summary>
    [JsonStringEnumMemberName("DROPPED_FROM")]
    DroppedFrom,

    /// <summary>Had a conflict with another person, on a film.</summary>
    [JsonStringEnumMemberName("CONFLICTED_WITH")]
    ConflictedWith,

    /// <summary>Directed the film.</summary>
    [JsonStringEnumMemberName("DIRECTED")]
    Directed,

    /// <summary>Wrote the film.</summary>
    [JsonStringEnumMemberName("WROTE")]
    Wrote,

    /// <summary>Composed music for the film.</summary>
    [JsonStringEnumMemberName("COMPOSED")]
    Composed,

    /// <summary>Produced the film.</summary>
    [JsonStringEnumMemberName("PRODUCED")]
    Produced,
}
