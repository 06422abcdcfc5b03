using System.Numerics;

namespace FilmGraph.Formats;

/// <summary>
/// A set of ids: bits for ids of IMDb's form (the prefix, then 7 to 9 digits), so that the ids of a full IMDb file
/// take megabytes, and a hash set for any other id.
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
        if (word >= _bits.Length) Array.Resize(ref _bits, (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)word + 1), Array.MaxLength));
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

    /// <summary>
    /// The bit for an id of the prefix and 7 to 9 digits: three bits per number, one for each width, so that
    /// "nm0000001" and "nm00000001" stay apart.
    /// </summary>
    private long Number(ReadOnlySpan<char> id)
    {
        if (!id.StartsWith(prefix, StringComparison.Ordinal)) return -1;
        var digits = id[prefix.Length..];
        if (digits.Length is < 7 or > 9) return -1;
        long n = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return -1;
            n = n * 10 + (c - '0');
        }
        return n * 3 + digits.Length - 7;
    }
}
