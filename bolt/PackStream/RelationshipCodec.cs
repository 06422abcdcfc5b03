using System.Globalization;

namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// Relationship (0x52) and UnboundRelationship (0x72, only inside a Path). Bolt 5 appends element ids.
/// </summary>
internal static class RelationshipCodec
{
    public static BoltRelationship Read(ref PackStreamReader reader, int fieldCount)
    {
        if (fieldCount is not (5 or 8))
        {
            throw reader.Malformed($"Relationship has {fieldCount} fields, expected 5 or 8");
        }
        var id = StructureCodec.ReadLegacyId(ref reader);
        var start = StructureCodec.ReadLegacyId(ref reader);
        var end = StructureCodec.ReadLegacyId(ref reader);
        var type = StringCodec.ReadKey(ref reader);
        var properties = reader.ReadMap();
        if (fieldCount == 8)
        {
            return new BoltRelationship(id, start, end, type, properties, reader.ReadString(), reader.ReadString(), reader.ReadString());
        }
        return new BoltRelationship(id, start, end, type, properties, Text(id), Text(start), Text(end));
    }

    public static UnboundRelationship ReadUnbound(ref PackStreamReader reader, int fieldCount)
    {
        if (fieldCount is not (3 or 4))
        {
            throw reader.Malformed($"UnboundRelationship has {fieldCount} fields, expected 3 or 4");
        }
        var id = StructureCodec.ReadLegacyId(ref reader);
        var type = StringCodec.ReadKey(ref reader);
        var properties = reader.ReadMap();
        var elementId = fieldCount == 4 ? reader.ReadString() : Text(id);
        return new UnboundRelationship(id, type, properties, elementId);
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    internal readonly record struct UnboundRelationship(long Id, string Type, IReadOnlyDictionary<string, object?> Properties, string ElementId)
    {
        public BoltRelationship Bind(BoltNode start, BoltNode end) =>
            new(Id, start.Id, end.Id, Type, Properties, ElementId, start.ElementId, end.ElementId);

        /// <summary>Outside a Path the ends are unknown; they are reported as -1 and empty.</summary>
        public BoltRelationship Unbound() => new(Id, -1, -1, Type, Properties, ElementId, "", "");
    }
}
