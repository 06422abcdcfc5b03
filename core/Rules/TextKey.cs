using System.Globalization;
using System.Text;

namespace FilmGraph.Core;

/// <summary>
/// The form in which names and titles are compared: lower case, accents removed, punctuation dropped, runs of
/// space folded, and letters such as ð, þ, ø, æ, ß and ł spelled in Latin letters. "Amélie" and "AMELIE" share a key;
/// so do "Crazy, Stupid, Love" and "crazy stupid love", and "Bjørk Guðmundsdóttir" and "Bjork Gudmundsdottir".
/// </summary>
public static class TextKey
{
    public static string Of(string text)
    {
        // Most names are plain ASCII: their key is written without decomposition, and without a builder.
        if (text.Length <= AsciiLimit && Ascii.IsValid(text))
        {
            Span<char> key = stackalloc char[text.Length];
            return new string(key[..OfAscii(text, key)]);
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                var lower = char.ToLowerInvariant(ch);
                if (Folded(lower) is { } latin) sb.Append(latin);
                else sb.Append(lower);
            }
            else if (ch != '\'' && ch != '\u2019')
            {
                // Apostrophes join ("O'Brien" is "obrien"); everything else separates words.
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>The longest ASCII text <see cref="Of(string)"/> keys on the stack.</summary>
    private const int AsciiLimit = 512;

    /// <summary>
    /// The key of ASCII <paramref name="text"/> written into <paramref name="key"/> (at least as long as the text),
    /// returning its length: the rule of <see cref="Of(string)"/> for the letters most names are made of, where no
    /// letter has a mark, a folding or a case other than A to Z. For building indexes without a string per name.
    /// </summary>
    public static int OfAscii(ReadOnlySpan<char> text, Span<char> key)
    {
        var (length, pendingSpace) = (0, false);
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingSpace && length > 0) key[length++] = ' ';
                pendingSpace = false;
                key[length++] = char.ToLowerInvariant(ch);
            }
            else if (ch != '\'') pendingSpace = true;
        }
        return length;
    }

    /// <summary>
    /// Letters with no decomposition into a base letter and a mark, spelled as they usually are in Latin letters:
    /// "Þórður Guðjohnsen" is "thordur gudjohnsen", "Søren" "soren", "Łódź" "lodz", "Straße" "strasse".
    /// </summary>
    private static string? Folded(char lower) => lower switch
    {
        'ð' or 'đ' => "d",
        'þ' => "th",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' or '\u1e9e' => "ss",
        'ł' or 'ŀ' => "l",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ŋ' => "ng",
        'ĸ' => "q",
        _ => null,
    };

    /// <summary>The words of a key, for prefix and typo-tolerant matching.</summary>
    public static string[] Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Edit distance in which a swap of two adjacent letters counts as one edit ("micheal" is one edit from
    /// "michael"), as Lucene's fuzzy queries count it (optimal string alignment), giving up (returning
    /// <paramref name="max"/> + 1) as soon as it must exceed <paramref name="max"/>; cheap enough to run across an
    /// index of words.
    /// </summary>
    public static int BoundedEditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max || b.Length > 256) return max + 1;
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    cur[j] = Math.Min(cur[j], before[j - 2] + 1);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            // A swap reaches back two rows, so a row just past the bound may still lead to one within it.
            if (rowMin > max + 1) return max + 1;
            var swap = before; before = prev; prev = cur; cur = swap;
        }
        return Math.Min(prev[b.Length], max + 1);
    }

    /// <summary>How many typos a word of this length tolerates.</summary>
    public static int TypoAllowance(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;
}
