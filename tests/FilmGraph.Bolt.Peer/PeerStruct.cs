using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Peer;

/// <summary>A structure to send as it is, e.g. a Node in a RECORD: its tag and its fields.</summary>
internal sealed record PeerStruct(byte Tag, List<object?> Fields)
{
    /// <summary>The structure a server sends for a node, a relationship or a path.</summary>
    public static PeerStruct Of(object graphValue) => graphValue switch
    {
        BoltNode node => new(StructTags.Node, [node.Id, node.Labels.ToList<object?>(), node.Properties, node.ElementId]),
        BoltRelationship r => new(StructTags.Relationship,
            [r.Id, r.StartNodeId, r.EndNodeId, r.Type, r.Properties, r.ElementId, r.StartNodeElementId, r.EndNodeElementId]),
        BoltPath path => OfPath(path),
        _ => throw new ArgumentException($"{graphValue.GetType()} is not a graph value.", nameof(graphValue)),
    };

    /// <summary>Distinct nodes, distinct unbound relationships, and the walk as (±relationship, node) index pairs.</summary>
    private static PeerStruct OfPath(BoltPath path)
    {
        var nodes = path.Nodes.DistinctBy(n => n.Id).ToList();
        var rels = path.Relationships.DistinctBy(r => r.Id).ToList();
        var indices = new List<object?>();
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            var r = path.Relationships[i];
            var index = rels.FindIndex(x => x.Id == r.Id) + 1;
            indices.Add(r.StartNodeId == path.Nodes[i].Id ? (long)index : -(long)index);
            indices.Add((long)nodes.FindIndex(n => n.Id == path.Nodes[i + 1].Id));
        }
        return new(StructTags.Path,
        [
            nodes.Select(n => (object?)Of(n)).ToList(),
            rels.Select(r => (object?)new PeerStruct(StructTags.UnboundRelationship, [r.Id, r.Type, r.Properties, r.ElementId])).ToList(),
            indices,
        ]);
    }

    /// <summary>The .NET value a client would decode from this structure, to compare with what a client sent.</summary>
    public object? Decode()
    {
        var buffer = new WriteBuffer();
        PeerValues.Write(new PackStreamWriter(buffer), this);
        return new PackStreamReader(buffer.Written.Span).ReadValue();
    }
}
