namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// What <see cref="Adjacency"/>'s compressed rows are made of: per slot, offsets over the nodes from its low one on
/// (one more than the nodes in range) and the targets.
/// </summary>
internal sealed record AdjacencyParts(int[][] Offsets, int[] Lows, int[][] Targets, int BaseNodes);
