using System.IO.Hashing;
using System.Text;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Node by id: open addressing with linear probing over one int array (node + 1, 0 for empty), hashing the id's UTF-8
/// bytes in <see cref="TextColumn"/> rather than holding a string and an entry object per node. Kept at most half full.
/// The single writer adds entries after the node's bytes are written, into the array older versions also probe;
/// they skip entries at or past their own count, so an id added later is not found in a version that lacks it.
/// The hash is XxHash3 with seed 0, fixed so that the array can be saved in a snapshot and read back as it is.
/// </summary>
internal sealed class IdHash
{
    private const int StackLimit = 256;

    private readonly int[] _slots;
    private readonly int _mask;

    public IdHash(int[] slots)
    {
        if (slots.Length == 0 || (slots.Length & (slots.Length - 1)) != 0)
            throw new InvalidDataException($"An id hash needs a power-of-two size, not {slots.Length}.");
        (_slots, _mask) = (slots, slots.Length - 1);
    }

    public ReadOnlyMemory<int> Slots => _slots;

    public long ApproximateBytes => _slots.LongLength * sizeof(int);

    /// <summary>Room for <paramref name="nodes"/> nodes at most half full.</summary>
    public static int SizeFor(int nodes) => (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, nodes) * 2));

    public static IdHash Build(TextColumn ids, int count, int capacity)
    {
        var hash = new IdHash(new int[SizeFor(Math.Max(count, capacity))]);
        for (var node = 0; node < count; node++) hash.Insert(ids, node);
        return hash;
    }

    public int Find(TextColumn ids, int count, string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (length <= StackLimit)
        {
            Span<byte> bytes = stackalloc byte[length];
            return Find(ids, count, bytes[..Encoding.UTF8.GetBytes(id, bytes)]);
        }
        return Find(ids, count, Encoding.UTF8.GetBytes(id));
    }

    /// <summary>
    /// Two ids at once, as a chain's ends are asked for. Each look-up is three waits for memory, one after another
    /// (the slot, where the id's text starts, the text); asked for together, the two ids' waits overlap.
    /// </summary>
    public (int A, int B) Find(TextColumn ids, int count, string a, string b)
    {
        int lengthA = Encoding.UTF8.GetMaxByteCount(a.Length), lengthB = Encoding.UTF8.GetMaxByteCount(b.Length);
        if (lengthA > StackLimit || lengthB > StackLimit) return (Find(ids, count, a), Find(ids, count, b));
        Span<byte> bytesA = stackalloc byte[lengthA], bytesB = stackalloc byte[lengthB];
        bytesA = bytesA[..Encoding.UTF8.GetBytes(a, bytesA)];
        bytesB = bytesB[..Encoding.UTF8.GetBytes(b, bytesB)];
        int slotA = SlotOf(bytesA), slotB = SlotOf(bytesB);
        int nodeA = Volatile.Read(ref _slots[slotA]) - 1, nodeB = Volatile.Read(ref _slots[slotB]) - 1;
        if ((uint)nodeA < (uint)count) ids.PrefetchStart(nodeA);
        if ((uint)nodeB < (uint)count) ids.PrefetchStart(nodeB);
        if ((uint)nodeA < (uint)count) ids.PrefetchText(nodeA);
        if ((uint)nodeB < (uint)count) ids.PrefetchText(nodeB);
        return (Probe(ids, count, bytesA, slotA), Probe(ids, count, bytesB, slotB));
    }

    public int Find(TextColumn ids, int count, ReadOnlySpan<byte> id) => Probe(ids, count, id, SlotOf(id));

    private int SlotOf(ReadOnlySpan<byte> id) => (int)XxHash3.HashToUInt64(id) & _mask;

    /// <summary>Probes from <paramref name="first"/>, the id's own slot, to the node or an empty slot.</summary>
    private int Probe(TextColumn ids, int count, ReadOnlySpan<byte> id, int first)
    {
        for (var slot = first; ; slot = (slot + 1) & _mask)
        {
            var entry = Volatile.Read(ref _slots[slot]);
            if (entry == 0) return -1;
            var node = entry - 1;
            if (node < count && ids.Bytes(node).SequenceEqual(id)) return node;
        }
    }

    /// <summary>This hash with nodes <paramref name="from"/> to <paramref name="to"/> added, or a larger copy when they would fill it past half.</summary>
    public IdHash With(TextColumn ids, int from, int to)
    {
        if (to <= from) return this;
        if ((long)to * 2 > _slots.Length) return Build(ids, to, to * 2);
        for (var node = from; node < to; node++) Insert(ids, node);
        return this;
    }

    private void Insert(TextColumn ids, int node)
    {
        var slot = SlotOf(ids.Bytes(node));
        while (_slots[slot] != 0) slot = (slot + 1) & _mask;
        Volatile.Write(ref _slots[slot], node + 1);
    }
}
