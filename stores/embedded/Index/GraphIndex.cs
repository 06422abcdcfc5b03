using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// One consistent version of everything queries read in memory. Published by reference; a query takes the
/// current one once and works on it to the end, so writers never wait for readers or readers for writers.
/// </summary>
internal sealed class GraphIndex(NodeTable nodes, Adjacency adjacency, NameIndex? names, long dataVersion)
{
    public NodeTable Nodes { get; } = nodes;
    public Adjacency Adjacency { get; } = adjacency;

    /// <summary>Null in a write-only store, which builds no traversal or search structures.</summary>
    public NameIndex? Names { get; } = names;

    /// <summary>The file's change counter this version reflects, to notice commits by other processes.</summary>
    public long DataVersion { get; } = dataVersion;

    public int NodeCount => Nodes.Count;

    public int RequireNode(string id, NodeKind kind, string argument)
    {
        var node = Nodes.IndexOf(id);
        if (node < 0) throw GraphQueryException.NotFound(kind == NodeKind.Person ? "person" : "film", id, argument);
        if (Nodes.Kind(node) != kind)
            throw GraphQueryException.BadInput(argument, $"'{id}' is a {(kind == NodeKind.Person ? "film" : "person")}, not a {(kind == NodeKind.Person ? "person" : "film")}.");
        return node;
    }
}
