using System.Text.Json;
using System.Text.Json.Serialization;
using FilmGraph.Client.Queries;
using FilmGraph.Client.Transport;

namespace FilmGraph.Client.Json;

/// <summary>
/// Serialization metadata for everything the client itself reads and writes, made at build time: no reflection at run
/// time, so the client works trimmed and ahead-of-time compiled. Nulls are left out of what is sent, so that the
/// server's defaults apply to what the caller did not give.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphQLRequestBody))]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(Chain))]
[JsonSerializable(typeof(Reach))]
[JsonSerializable(typeof(WriteResult))]
[JsonSerializable(typeof(IReadOnlyList<SearchHit>))]
[JsonSerializable(typeof(IReadOnlyList<Chain>))]
[JsonSerializable(typeof(IReadOnlyList<Replacement>))]
[JsonSerializable(typeof(ChainConnection))]
[JsonSerializable(typeof(PersonInput))]
[JsonSerializable(typeof(FilmInput))]
[JsonSerializable(typeof(RelationshipInput))]
[JsonSerializable(typeof(RelationshipType))]
[JsonSerializable(typeof(RelationshipType[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class FilmGraphJsonContext : JsonSerializerContext;
