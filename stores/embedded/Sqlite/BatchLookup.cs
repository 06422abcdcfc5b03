using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The node numbers of one batch's ids, each looked up in the node table once. The validator asks for both ends of
/// every relationship and the writer asks again; at a million people the table's entries are out of the processor's
/// cache, so the second lookup would cost as much as the first. Ids the table does not hold are remembered as -1.
/// During a bulk import the ids of IMDb's shape are found in its <see cref="IdMap"/> instead, in one step.
/// </summary>
internal sealed class BatchLookup(NodeTable nodes, IdMap? ids = null)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public int IndexOf(string id)
    {
        if (ids is not null && IdMap.TryKey(id, out var key)) return ids.IndexOf(key);
        if (_seen.TryGetValue(id, out var node)) return node;
        node = nodes.IndexOf(id);
        _seen.Add(id, node);
        return node;
    }

    /// <summary>
    /// The key an id of IMDb's shape is found by in the import's map, with its slot asked for, so that a lookup a few
    /// ids later finds it in the cache; 0 for any other id (<see cref="IndexOf(string, long)"/> then looks it up as
    /// <see cref="IndexOf(string)"/> does).
    /// </summary>
    public long Ahead(string id)
    {
        if (ids is null || !IdMap.TryKey(id, out var key)) return 0;
        ids.Prefetch(key);
        return key;
    }

    /// <summary>The node of an id whose <see cref="Ahead"/> key is <paramref name="key"/>.</summary>
    public int IndexOf(string id, long key) => key != 0 ? ids!.IndexOf(key) : IndexOf(id);

    public NodeKind? KindOf(string id) => IndexOf(id) is var node and >= 0 ? nodes.Kind(node) : null;
}
