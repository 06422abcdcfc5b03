namespace FilmGraph.Store.Embedded.Index;

/// <summary>What <see cref="Adjacency"/>'s compressed rows are made of: per slot, offsets over the base nodes and the targets.</summary>
internal sealed record AdjacencyParts(int[][] Offsets, int[][] Targets, int BaseNodes);
