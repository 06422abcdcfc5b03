namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The set of relationships a store holds, each as one packed integer (<see cref="Of"/>), for a bulk import to tell a
/// new relationship from one to update without asking SQLite. Open addressing over a single array: eight bytes a
/// relationship at most half full, where a HashSet of longs would take about twenty and an object per bucket array.
/// </summary>
internal sealed class EdgeKeys
{
    private long[] _slots;
    private int _count;
    private long _max;

    public EdgeKeys(int capacity = 1 << 16)
    {
        _slots = new long[Size(capacity)];
    }

    public int Count => _count;

    /// <summary>
    /// Target, type and source as SQLite's primary key orders them (target first), so sorting keys sorts rows the way
    /// the table stores them. Node numbers are seq (from 1), so no key is 0, which marks an empty slot.
    /// </summary>
    public static long Of(int source, int type, int target) => ((long)(target + 1) << 35) | ((long)type << 31) | (long)(source + 1);

    public static (int Source, int Type, int Target) Parts(long key) =>
        ((int)(key & 0x7FFF_FFFF) - 1, (int)((key >> 31) & 0xF), (int)(key >> 35) - 1);

    public bool Contains(long key)
    {
        // Files sorted by title (IMDb's) bring each batch's keys above every key before it: no probe, so no cache miss.
        if (key > _max) return false;
        var mask = _slots.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == key) return true;
            if (slot == 0) return false;
        }
    }

    /// <summary>True when the key was not there yet.</summary>
    public bool Add(long key)
    {
        if ((_count + 1) * 2 > _slots.Length) Grow();
        if (!Place(_slots, key)) return false;
        _count++;
        _max = Math.Max(_max, key);
        return true;
    }

    /// <summary>Every key as its three parts, in no particular order, for the in-memory index a bulk import ends with.</summary>
    public (int[] Sources, byte[] Types, int[] Targets) Columns()
    {
        var (sources, types, targets) = (new int[_count], new byte[_count], new int[_count]);
        var at = 0;
        foreach (var key in _slots)
        {
            if (key == 0) continue;
            (sources[at], var type, targets[at]) = Parts(key);
            types[at++] = (byte)type;
        }
        return (sources, types, targets);
    }

    private static bool Place(long[] slots, long key)
    {
        var mask = slots.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] == key) return false;
            if (slots[i] != 0) continue;
            slots[i] = key;
            return true;
        }
    }

    private void Grow()
    {
        var bigger = new long[_slots.Length * 2];
        foreach (var key in _slots)
            if (key != 0) Place(bigger, key);
        _slots = bigger;
    }

    // Keys of one film differ in their low bits only; a multiplicative mix spreads them over the table.
    internal static int Hash(long key) => (int)((ulong)(key * unchecked((long)0x9E37_79B9_7F4A_7C15)) >> 33);

    /// <summary>A power of two at least twice the capacity, so that a table of it stays at most half full.</summary>
    internal static int Size(int capacity)
    {
        var size = 1 << 10;
        while (size < capacity * 2) size <<= 1;
        return size;
    }
}
