using System.Globalization;

namespace FilmGraph.Bolt.PackStream;

/// <summary>Node (0x4E): id, labels, properties, and from Bolt 5 the element id.</summary>
internal static class NodeCodec
{
    public static BoltNode Read(ref PackStreamReader reader, int fieldCount)
    {
        if (fieldCount is not (3 or 4))
        {
            throw reader.Malformed($"Node has {fieldCount} fields, expected 3 or 4");
        }
        var id = StructureCodec.ReadLegacyId(ref reader);
        var labels = StructureCodec.ReadStringList(ref reader);
        var properties = reader.ReadMap();
        var elementId = fieldCount == 4 ? reader.ReadString() : id.ToString(CultureInfo.InvariantCulture);
        return new BoltNode(id, labels, properties, elementId);
    }

    public static BoltNode ReadNode(ref PackStreamReader reader)
    {
        var fieldCount = reader.ReadStructHeader(out var tag);
        if (tag != StructTags.Node)
        {
            throw reader.Malformed($"expected a Node in a Path, found tag 0x{tag:X2}");
        }
        return Read(ref reader, fieldCount);
    }
}
