using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j;

/// <summary>The parameter rows the upserts take: the model's values plus the derived name keys.</summary>
internal static class WriteRows
{
    public static Dictionary<string, object?> Person(Person p)
    {
        var keys = Keys([p.Name, .. p.Aliases]);
        return new()
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["born"] = p.Born,
            ["aliases"] = p.Aliases.Count == 0 ? null : p.Aliases.ToArray(),
            ["keys"] = keys,
            ["searchText"] = SearchText(keys),
        };
    }

    public static Dictionary<string, object?> Film(Film f)
    {
        var keys = Keys([f.Title]);
        return new()
        {
            ["id"] = f.Id,
            ["title"] = f.Title,
            ["year"] = f.Year,
            ["keys"] = keys,
            ["searchText"] = SearchText(keys),
        };
    }

    public static Dictionary<string, object?> Relationship(Relationship r)
    {
        var p = r.Properties;
        return new()
        {
            ["from"] = r.From,
            ["to"] = r.To,
            ["role"] = p.Role,
            ["billing"] = p.Billing,
            ["reason"] = p.Reason,
            ["context"] = p.Context,
            ["description"] = p.Description,
            ["sourceDocument"] = p.Source?.Document,
            ["sourceQuote"] = p.Source?.Quote,
        };
    }

    /// <summary>
    /// The keys on separate lines, then one line of each key's adjacent words joined ("de niro" as "deniro"), so a
    /// name typed without its spaces is found.
    /// </summary>
    private static string SearchText(string[] keys)
    {
        var compounds = keys.SelectMany(k =>
        {
            var words = TextKey.Words(k);
            return Enumerable.Range(1, Math.Max(0, words.Length - 1)).Select(i => words[i - 1] + words[i]);
        }).Distinct(StringComparer.Ordinal).ToArray();
        return compounds.Length == 0 ? string.Join('\n', keys) : string.Join('\n', [.. keys, string.Join(' ', compounds)]);
    }

    private static string[] Keys(IEnumerable<string> texts) =>
        texts.Select(TextKey.Of).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>The Lucene queries sent to the full-text index, built from <see cref="TextKey"/> words only.</summary>
internal static class SearchQuery
{
    /// <summary>
    /// Every word must match, as itself (boosted most), as a prefix, or within the typo allowance of
    /// <see cref="TextKey.TypoAllowance"/> (Lucene counts a swap of adjacent letters as one edit); a text of several
    /// words may instead match as one word, the words joined ("di caprio" finds "dicaprio"). Key words hold letters
    /// and digits only, so nothing needs escaping; null when the text has no words.
    /// </summary>
    public static string? Lucene(string text)
    {
        var words = TextKey.Words(TextKey.Of(text));
        if (words.Length == 0) return null;
        var all = string.Join(" AND ", words.Select(Word));
        return words.Length == 1 ? all : $"({all}) OR {Word(string.Concat(words))}";
    }

    private static string Word(string w)
    {
        var typos = TextKey.TypoAllowance(w.Length);
        return typos > 0 ? $"({w}^4 OR {w}*^2 OR {w}~{typos})" : $"({w}^4 OR {w}*^2)";
    }

    /// <summary>A phrase of the key's words, to find the candidates for an exact key; null for an empty key.</summary>
    public static string? Phrase(string key) => key.Length == 0 ? null : $"\"{key}\"";
}
