using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// One consistent version of everything queries read in memory. Published by reference; a query takes the
/// current one once and works on it to the end, so writers never wait for readers or readers for writers.
/// </summary>
internal sealed class GraphIndex(NodeTable nodes, Adjacency adjacency, NameIndex? names, long dataVersion, long generation,
    IdOrder? order = null, EdgeRoles? roles = null)
{
    public NodeTable Nodes { get; } = nodes;
    public Adjacency Adjacency { get; } = adjacency;

    /// <summary>Null in a write-only store, which builds no traversal or search structures.</summary>
    public NameIndex? Names { get; } = names;

    /// <summary>The file's change counter this version reflects, to notice commits by other processes.</summary>
    public long DataVersion { get; } = dataVersion;

    /// <summary>
    /// The store's write generation (<c>meta.generation</c>, raised by every FilmGraph write) this version reflects;
    /// a snapshot of it is current exactly while the file's generation is still this.
    /// </summary>
    public long Generation { get; } = generation;

    public int NodeCount => Nodes.Count;

    /// <summary>Ids as ranks, for the chain order; null in a write-only store.</summary>
    public IdOrder? Order { get; } = order?.For(nodes);

    /// <summary>Roles of the relationships in the adjacency's built rows; null when they must be read from the file.</summary>
    public EdgeRoles? Roles { get; } = roles;

    /// <summary>The node with this id when it is of this kind, else -1.</summary>
    public int Node(string id, NodeKind kind) => OfKind(Nodes.IndexOf(id), kind);

    /// <summary>The nodes with these two ids, each when it is of this kind, else -1; found together (a chain's ends).</summary>
    public (int A, int B) Node(string a, string b, NodeKind kind)
    {
        var (x, y) = Nodes.IndexOf(a, b);
        return (OfKind(x, kind), OfKind(y, kind));
    }

    private int OfKind(int node, NodeKind kind) => node >= 0 && Nodes.Kind(node) == kind ? node : -1;
}
