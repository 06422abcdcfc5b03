using System.Text.Json.Nodes;

namespace FilmGraph.Client.Transport;

/// <summary>One request to send: the document, the operation to run of it, its variables, and whether it only reads.</summary>
internal sealed record GraphQLOperation(string Query, string? OperationName, JsonObject? Variables, bool IsQuery);
