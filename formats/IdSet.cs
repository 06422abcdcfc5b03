using System.Numerics;

namespace FilmGraph.Formats;

/// <summary>
/// A set of ids, a bit per number for ids of IMDb's form (the prefix, then seven or more digits with no extra
/// leading zero) so that the ids of a full IMDb file take megabytes, and a hash set for any other id.
/// </summary>
internal sealed class IdSet(string prefix)
{
    private ulong[] _bits = new ulong[1024];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<char> id)
    {
        var n = Number(id);
        if (n < 0)
        {
            if (_others.GetAlternateLookup<ReadOnlySpan<char>>().Add(id)) Count++;
            return;
        }
        var word = (int)(n >> 6);
        if (word >= _bits.Length) Array.Resize(ref _bits, (int)Math.Max(BitOperations.RoundUpToPowerOf2((uint)word + 1), 1024));
        var mask = 1UL << (int)(n & 63);
        if ((_bits[word] & mask) == 0) Count++;
        _bits[word] |= mask;
    }

    public bool Contains(ReadOnlySpan<char> id)
    {
        var n = Number(id);
        if (n < 0) return _others.GetAlternateLookup<ReadOnlySpan<char>>().Contains(id);
        var word = n >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (int)(n & 63))) != 0;
    }

    private long Number(ReadOnlySpan<char> id)
    {
        if (!id.StartsWith(prefix, StringComparison.Ordinal)) return -1;
        var digits = id[prefix.Length..];
        if (digits.Length < 7 || digits.Length > 10 || (digits.Length > 7 && digits[0] == '0')) return -1;
        long n = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return -1;
            n = n * 10 + (c - '0');
        }
        return n < int.MaxValue ? n : -1;
    }
}
