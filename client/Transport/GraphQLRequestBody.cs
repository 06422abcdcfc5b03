using System.Text.Json.Nodes;

namespace FilmGraph.Client.Transport;

/// <summary>The body of a POST to /graphql; a persisted query's first try leaves <see cref="Query"/> out.</summary>
internal sealed record GraphQLRequestBody(string? Query, JsonObject? Variables, string? OperationName, JsonObject? Extensions);
