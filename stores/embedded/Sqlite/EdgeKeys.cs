namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The set of relationships a store holds, each as one packed integer (<see cref="Of"/>), for a bulk import to tell a
/// new relationship from one to update without asking SQLite. Keys that arrive above every key before them are kept
/// in one rising array, appended to and found by binary search: the file is read in key order, and IMDb's files,
/// sorted by title, bring almost every new key above the others, so nearly all keys land there at eight bytes each
/// and without a probe into memory out of the processor's cache. The few others go to a small open-addressing table.
/// </summary>
internal sealed class EdgeKeys
{
    private long[] _rising;
    private int _risingCount;
    private long[] _slots = new long[1024];
    private int _others;

    public EdgeKeys(int capacity = 1 << 16)
    {
        _rising = new long[Math.Max(1024, capacity)];
    }

    public int Count => _risingCount + _others;

    /// <summary>
    /// Target, type and source as SQLite's primary key orders them (target first), so sorting keys sorts rows the way
    /// the table stores them. Node numbers are seq (from 1), so no key is 0, which marks an empty slot.
    /// </summary>
    public static long Of(int source, int type, int target) => ((long)(target + 1) << 35) | ((long)type << 31) | (long)(source + 1);

    public static (int Source, int Type, int Target) Parts(long key) =>
        ((int)(key & 0x7FFF_FFFF) - 1, (int)((key >> 31) & 0xF), (int)(key >> 35) - 1);

    private bool AboveAll(long key) => _risingCount == 0 || key > _rising[_risingCount - 1];

    public bool Contains(long key)
    {
        if (AboveAll(key)) return false;
        if (Array.BinarySearch(_rising, 0, _risingCount, key) >= 0) return true;
        return _others > 0 && InSlots(key);
    }

    /// <summary>True when the key was not there yet.</summary>
    public bool Add(long key)
    {
        if (AboveAll(key))
        {
            if (_risingCount == _rising.Length) Array.Resize(ref _rising, _rising.Length * 2);
            _rising[_risingCount++] = key;
            return true;
        }
        if (Contains(key)) return false;
        if ((_others + 1) * 2 > _slots.Length) Grow();
        Place(_slots, key);
        _others++;
        return true;
    }

    /// <summary>Every key as its three parts, in no particular order, for the in-memory index a bulk import ends with.</summary>
    public (int[] Sources, byte[] Types, int[] Targets) Columns()
    {
        var (sources, types, targets) = (new int[Count], new byte[Count], new int[Count]);
        var at = 0;
        foreach (var key in _rising.AsSpan(0, _risingCount)) Put(key);
        foreach (var key in _slots)
            if (key != 0) Put(key);
        return (sources, types, targets);

        void Put(long key)
        {
            (sources[at], var type, targets[at]) = Parts(key);
            types[at++] = (byte)type;
        }
    }

    private bool InSlots(long key)
    {
        var mask = _slots.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == key) return true;
            if (slot == 0) return false;
        }
    }

    private static void Place(long[] slots, long key)
    {
        var mask = slots.Length - 1;
        var i = Hash(key) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = key;
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
