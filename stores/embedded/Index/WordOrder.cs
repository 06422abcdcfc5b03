namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Puts many distinct words in ordinal order (<see cref="string.CompareOrdinal(string, string)"/>) for the name index.
/// A million words sorted with the ordinal string comparer took about half a second at L, most of it comparisons that
/// chase two strings through memory. Here each word's first sixteen characters are packed into one number, which sorts
/// as the words do wherever two numbers differ; the numbers are sorted as numbers, and only words whose numbers tie
/// (few: a tie needs sixteen characters in common) are compared as strings.
/// </summary>
internal static class WordOrder
{
    private const int Packed = 16;

    /// <summary>The indexes of <paramref name="words"/> (distinct) in the words' ordinal order.</summary>
    public static int[] Of(string[] words)
    {
        var prefixes = new UInt128[words.Length];
        var order = new int[words.Length];
        for (var i = 0; i < words.Length; i++) (prefixes[i], order[i]) = (Prefix(words[i]), i);
        Array.Sort(prefixes, order);
        var byText = Comparer<int>.Create((a, b) => string.CompareOrdinal(words[a], words[b]));
        for (var start = 0; start < words.Length;)
        {
            var end = start + 1;
            while (end < words.Length && prefixes[end] == prefixes[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, byText);
            start = end;
        }
        return order;
    }

    /// <summary>
    /// The word's first sixteen UTF-16 units as bytes, the first most significant and the missing ones 0. A unit of 0xFF
    /// or more is packed as 0xFF and ends the packing, the rest left 0: the mapping never reverses two units, and what
    /// follows a clamped unit is left to the comparison of whole words. So a prefix less than another's is always a
    /// word less than the other, and words are compared whole only when their prefixes are equal.
    /// </summary>
    public static UInt128 Prefix(string word)
    {
        UInt128 prefix = 0;
        var packed = 0;
        while (packed < Packed && packed < word.Length)
        {
            var unit = word[packed++];
            prefix = (prefix << 8) | Math.Min(unit, (char)0xFF);
            if (unit >= 0xFF) break;
        }
        return packed == 0 ? 0 : prefix << (8 * (Packed - packed));
    }
}
