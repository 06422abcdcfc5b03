using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// Node numbers by id for the ids shaped like IMDb's (two lower-case letters, then up to 15 digits: nm0000123), each
/// turned into one integer that gives the id back exactly, during a bulk import. A lookup in the node table touches its
/// bucket, its entry and the id's characters, three places in memory that at a million people are each out of the
/// processor's cache; here it touches one slot. Ids of any other shape are not held: <see cref="TryKey"/> says which.
/// </summary>
internal sealed class IdMap
{
    private (long Key, int Node)[] _slots;
    private int _count;

    private IdMap(int capacity) => _slots = new (long, int)[EdgeKeys.Size(capacity)];

    /// <summary>Every id of the node table that has the shape.</summary>
    public static IdMap Of(NodeTable nodes)
    {
        var map = new IdMap(Math.Max(1024, nodes.Count + nodes.Count / 4));
        for (var node = 0; node < nodes.Count; node++)
            if (TryKey(nodes.Id(node), out var key)) map.Add(key, node);
        return map;
    }

    /// <summary>
    /// The id as one integer: the two letters (5 bits each, never 0), the number of digits (4 bits) so that leading
    /// zeros count, and the digits' value (50 bits). Different ids give different integers.
    /// </summary>
    public static bool TryKey(string id, out long key)
    {
        key = 0;
        if (id.Length is < 3 or > 17 || !char.IsAsciiLetterLower(id[0]) || !char.IsAsciiLetterLower(id[1])) return false;
        long value = 0;
        for (var i = 2; i < id.Length; i++)
        {
            var digit = id[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        key = ((long)(id[0] - 'a' + 1) << 59) | ((long)(id[1] - 'a' + 1) << 54) | ((long)(id.Length - 2) << 50) | value;
        return true;
    }

    /// <summary>The node of an id of the shape, or -1 when the store holds none.</summary>
    public int IndexOf(long key)
    {
        var mask = _slots.Length - 1;
        for (var i = EdgeKeys.Hash(key) & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot.Key == key) return slot.Node;
            if (slot.Key == 0) return -1;
        }
    }

    /// <summary>Asks for the slot where the search for a key starts (<see cref="CacheHint"/>), ahead of <see cref="IndexOf"/>.</summary>
    public void Prefetch(long key) => CacheHint.Prefetch(_slots, EdgeKeys.Hash(key) & (_slots.Length - 1));

    public void Add(long key, int node)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            var old = _slots;
            _slots = new (long, int)[old.Length * 2];
            foreach (var slot in old)
                if (slot.Key != 0) Place(slot.Key, slot.Node);
        }
        if (Place(key, node)) _count++;
    }

    private bool Place(long key, int node)
    {
        var mask = _slots.Length - 1;
        for (var i = EdgeKeys.Hash(key) & mask; ; i = (i + 1) & mask)
        {
            if (_slots[i].Key == key)
            {
                _slots[i].Node = node;
                return false;
            }
            if (_slots[i].Key != 0) continue;
            _slots[i] = (key, node);
            return true;
        }
    }
}
