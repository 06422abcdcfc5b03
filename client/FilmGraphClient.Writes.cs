using System.Text.Json;
using System.Text.Json.Nodes;
using FilmGraph.Client.Queries;

namespace FilmGraph.Client;

// The writes. Each needs the options' ApiKey (else UNAUTHENTICATED), is checked whole by the server and applied whole
// or not at all; an invalid input changes nothing and throws with one BAD_USER_INPUT error per problem.
public sealed partial class FilmGraphClient
{
    /// <summary>Creates the person, or updates the one with this id.</summary>
    /// <param name="person">The person as it is to be.</param>
    /// <param name="ct">Stops waiting for the answer; the write may still have been made.</param>
    public Task<WriteResult> UpsertPersonAsync(PersonInput person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return WriteAsync(Documents.UpsertPerson, "upsertPerson", new JsonObject { ["person"] = JsonSerializer.SerializeToNode(person, Json.PersonInput) }, ct);
    }

    /// <summary>Creates the film, or updates the one with this id.</summary>
    /// <param name="film">The film as it is to be.</param>
    /// <param name="ct">Stops waiting for the answer; the write may still have been made.</param>
    public Task<WriteResult> UpsertFilmAsync(FilmInput film, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(film);
        return WriteAsync(Documents.UpsertFilm, "upsertFilm", new JsonObject { ["film"] = JsonSerializer.SerializeToNode(film, Json.FilmInput) }, ct);
    }

    /// <summary>Adds the relationship, or updates the properties of the one with this type, start and end.</summary>
    /// <param name="relationship">The relationship as it is to be.</param>
    /// <param name="ct">Stops waiting for the answer; the write may still have been made.</param>
    public Task<WriteResult> LinkAsync(RelationshipInput relationship, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return WriteAsync(Documents.Link, "link",
            new JsonObject { ["relationship"] = JsonSerializer.SerializeToNode(relationship, Json.RelationshipInput) }, ct);
    }

    /// <summary>Removes the relationship with this type, start and end (<see cref="WriteResult.Deleted"/> 1, or <see cref="WriteResult.Unchanged"/> 1 when there was none); the people and films stay.</summary>
    /// <param name="type">The relationship's type.</param>
    /// <param name="from">The person it starts at.</param>
    /// <param name="to">The film (or, for conflicts, the person) it points at.</param>
    /// <param name="ct">Stops waiting for the answer; the write may still have been made.</param>
    public Task<WriteResult> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var variables = new JsonObject { ["type"] = JsonSerializer.SerializeToNode(type, Json.RelationshipType), ["from"] = from, ["to"] = to };
        return WriteAsync(Documents.Unlink, "unlink", variables, ct);
    }

    /// <summary>
    /// Imports a FilmGraph JSON document (the importer's format), up to 16 MiB, whole or not at all. Each problem in it
    /// is its own error, with <c>extensions.line</c> and <c>extensions.jsonPath</c>.
    /// </summary>
    /// <param name="json">The document's text, sent as a variable.</param>
    /// <param name="ct">Stops waiting for the answer; the import may still have been made.</param>
    public Task<WriteResult> ImportDocumentAsync(string json, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return WriteAsync(Documents.ImportDocument, "importDocument", new JsonObject { ["document"] = json }, ct);
    }

    private Task<WriteResult> WriteAsync(string mutation, string field, JsonObject variables, CancellationToken ct) =>
        RequiredFieldAsync(mutation, field, variables, Json.WriteResult, ct);
}
