using System.Text;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Short texts by dense index as one UTF-8 blob and a table of starts (text n is bytes <c>starts[n]</c> to
/// <c>starts[n + 1]</c>): two arrays instead of millions of string objects. Appending writes past what older versions
/// read, so versions share the arrays as <see cref="NodeTable"/> does; an append that does not fit copies into larger
/// arrays and returns a new column.
/// </summary>
internal sealed class TextColumn
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;

    public TextColumn(byte[] bytes, int[] starts) => (_bytes, _starts) = (bytes, starts);

    public static TextColumn Empty(int capacity, int bytesEach) => new(new byte[Math.Max(16, capacity * bytesEach)], new int[capacity + 1]);

    /// <summary>Whether the arrays hold <paramref name="count"/> well-formed texts: starts from 0, never falling, within the blob.</summary>
    public bool Holds(int count)
    {
        if (count < 0 || _starts.Length <= count || _starts[0] != 0) return false;
        for (var n = 0; n < count; n++)
            if (_starts[n + 1] < _starts[n]) return false;
        return _starts[count] <= _bytes.Length;
    }

    public ReadOnlySpan<byte> Bytes(int n) => _bytes.AsSpan(_starts[n], _starts[n + 1] - _starts[n]);

    /// <summary>Asks for where text <paramref name="n"/> starts (<see cref="CacheHint"/>), ahead of <see cref="PrefetchText"/>.</summary>
    public void PrefetchStart(int n) => CacheHint.Prefetch(_starts, n);

    /// <summary>Asks for text <paramref name="n"/>'s first bytes; reads where it starts, which <see cref="PrefetchStart"/> brought.</summary>
    public void PrefetchText(int n) => CacheHint.Prefetch(_bytes, _starts[n]);

    public string Text(int n) => Encoding.UTF8.GetString(Bytes(n));

    /// <summary>Reads text <paramref name="n"/>'s start and first byte, and returns the byte (nought when empty), so the two are in the cache.</summary>
    public int Touch(int n) => _starts[n] is var start && start < _starts[n + 1] ? _bytes[start] : 0;

    /// <summary>The arrays of the first <paramref name="count"/> texts, for the snapshot.</summary>
    public (ReadOnlyMemory<byte> Bytes, ReadOnlyMemory<int> Starts) Used(int count) =>
        (_bytes.AsMemory(0, _starts[count]), _starts.AsMemory(0, count + 1));

    /// <summary>Bytes held, counting the unused capacity.</summary>
    public long ApproximateBytes => _bytes.LongLength + _starts.LongLength * sizeof(int);

    /// <summary>The column with <paramref name="texts"/> appended after the first <paramref name="count"/>.</summary>
    public TextColumn Append(int count, IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return this;
        var used = _starts[count];
        long extra = 0;
        foreach (var text in texts) extra += Encoding.UTF8.GetByteCount(text);
        var column = this;
        if (used + extra > _bytes.Length || count + texts.Count + 1 > _starts.Length)
        {
            var bytes = new byte[checked((int)Math.Max(used + extra, Math.Min(Array.MaxLength, _bytes.LongLength * 2)))];
            var starts = new int[Math.Max(count + texts.Count + 1, _starts.Length * 2)];
            _bytes.AsSpan(0, used).CopyTo(bytes);
            _starts.AsSpan(0, count + 1).CopyTo(starts);
            column = new TextColumn(bytes, starts);
        }
        var at = used;
        for (var i = 0; i < texts.Count; i++)
        {
            at += Encoding.UTF8.GetBytes(texts[i], column._bytes.AsSpan(at));
            column._starts[count + i + 1] = at;
        }
        return column;
    }

    /// <summary>
    /// A new column (never this one: older versions still read it) of the first <paramref name="count"/> texts with
    /// some replaced, with room for <paramref name="capacity"/> texts.
    /// </summary>
    public TextColumn Replacing(int count, IReadOnlyDictionary<int, string> replaced, int capacity)
    {
        long size = _starts[count];
        foreach (var (n, text) in replaced) size += Encoding.UTF8.GetByteCount(text) - (_starts[n + 1] - _starts[n]);
        var bytes = new byte[checked((int)Math.Max(size, _bytes.LongLength))];
        var starts = new int[Math.Max(capacity + 1, _starts.Length)];
        var at = 0;
        for (var n = 0; n < count; n++)
        {
            at += replaced.TryGetValue(n, out var text) ? Encoding.UTF8.GetBytes(text, bytes.AsSpan(at)) : Copy(Bytes(n), bytes.AsSpan(at));
            starts[n + 1] = at;
        }
        return new TextColumn(bytes, starts);

        static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
        {
            from.CopyTo(to);
            return from.Length;
        }
    }

    /// <summary>Fills a column from raw UTF-8 texts in order, without making strings; the loaders' way in.</summary>
    public sealed class Builder(int capacity, int bytesEach)
    {
        private byte[] _bytes = new byte[Math.Max(16, capacity * bytesEach)];
        private int[] _starts = new int[capacity + 1];

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<byte> text)
        {
            var at = _starts[Count];
            if (Count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
            if (at + text.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(at + text.Length, _bytes.Length * 2));
            text.CopyTo(_bytes.AsSpan(at));
            _starts[++Count] = at + text.Length;
        }

        public TextColumn Build() => new(_bytes, _starts);
    }
}
