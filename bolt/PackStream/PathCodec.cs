namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// Path (0x50): distinct nodes, distinct unbound relationships, and a list of index pairs walking
/// them. A positive relationship index (1-based) is walked forwards, a negative one backwards.
/// </summary>
internal static class PathCodec
{
    public static BoltPath Read(ref PackStreamReader reader, int fieldCount)
    {
        StructureCodec.ExpectFields(ref reader, fieldCount, 3, "Path");
        var nodeCount = reader.ReadListHeader();
        reader.CheckCount(nodeCount, 1);
        var nodes = new List<BoltNode>(Math.Min(nodeCount, PackStreamReader.MaxPreallocated));
        for (var i = 0; i < nodeCount; i++)
        {
            reader.Enter();
            nodes.Add(NodeCodec.ReadNode(ref reader));
            reader.Leave();
        }
        var relCount = reader.ReadListHeader();
        reader.CheckCount(relCount, 1);
        var rels = new List<RelationshipCodec.UnboundRelationship>(Math.Min(relCount, PackStreamReader.MaxPreallocated));
        for (var i = 0; i < relCount; i++)
        {
            var fields = reader.ReadStructHeader(out var tag);
            if (tag != StructTags.UnboundRelationship)
            {
                throw reader.Malformed($"expected an UnboundRelationship in a Path, found tag 0x{tag:X2}");
            }
            reader.Enter();
            rels.Add(RelationshipCodec.ReadUnbound(ref reader, fields));
            reader.Leave();
        }
        var indexCount = reader.ReadListHeader();
        reader.CheckCount(indexCount, 1);
        if (indexCount % 2 != 0 || nodes.Count == 0)
        {
            throw reader.Malformed("a Path's index list must hold pairs and the path at least one node");
        }
        var walkedNodes = new List<BoltNode>(Math.Min(indexCount / 2 + 1, PackStreamReader.MaxPreallocated)) { nodes[0] };
        var walkedRels = new List<BoltRelationship>(Math.Min(indexCount / 2, PackStreamReader.MaxPreallocated));
        var previous = nodes[0];
        for (var i = 0; i < indexCount; i += 2)
        {
            var relIndex = reader.ReadInteger();
            var nodeIndex = reader.ReadInteger();
            if (relIndex == 0 || Math.Abs(relIndex) > rels.Count || nodeIndex < 0 || nodeIndex >= nodes.Count)
            {
                throw reader.Malformed($"a Path index pair ({relIndex}, {nodeIndex}) points outside the path");
            }
            var next = nodes[(int)nodeIndex];
            var rel = rels[(int)Math.Abs(relIndex) - 1];
            walkedRels.Add(relIndex > 0 ? rel.Bind(previous, next) : rel.Bind(next, previous));
            walkedNodes.Add(next);
            previous = next;
        }
        return new BoltPath(walkedNodes, walkedRels);
    }
}
