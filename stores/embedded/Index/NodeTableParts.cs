namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// What a <see cref="NodeTable"/> of <c>Count</c> nodes is made of: the columns, one kind and one year per node (the
/// arrays may be longer, room for nodes to come), the id hash when one was saved, and the aliases of the few people
/// who have them.
/// </summary>
internal sealed record NodeTableParts(int Count, TextColumn Ids, TextColumn Labels, byte[] Kinds, int[] Years, IdHash? ById, IReadOnlyDictionary<int, string[]> Aliases);
