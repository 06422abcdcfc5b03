using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Names, aliases and titles by <see cref="TextKey"/>: the distinct words in ordinal order, each with the nodes
/// that use it, for exact and prefix matching by binary search and for a bounded scan that tolerates small typos.
/// Nodes added or renamed since the build are kept in a short list and matched directly; every candidate is
/// checked against the node's current label, so a renamed node's old words cannot match it. Each pair of adjacent
/// words is indexed joined as well ("de niro" also as "deniro"), so a name is found with or without its spaces.
/// </summary>
internal sealed class NameIndex
{
    private const int CandidatesPerWord = 5000;

    private readonly string[] _words;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;
    private readonly int[] _recent;

    public int RecentCount => _recent.Length;

    private NameIndex(string[] words, int[] postingStarts, int[] postings, int[] recent)
    {
        (_words, _postingStarts, _postings, _recent) = (words, postingStarts, postings, recent);
    }

    public static NameIndex Build(NodeTable nodes)
    {
        // Names repeat their words a great deal, so group by word first and sort only the distinct words.
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var node = 0; node < nodes.Count; node++)
            foreach (var key in Keys(nodes, node))
                foreach (var word in WordsAndCompounds(key))
                {
                    if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = new List<int>(1);
                    if (list.Count == 0 || list[^1] != node) list.Add(node);
                }
        var words = byWord.Keys.ToArray();
        Array.Sort(words, StringComparer.Ordinal);
        var starts = new int[words.Length + 1];
        var postings = new int[byWord.Values.Sum(l => l.Count)];
        var at = 0;
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = at;
            var list = byWord[words[i]];
            list.CopyTo(postings, at);
            at += list.Count;
        }
        starts[words.Length] = at;
        return new NameIndex(words, starts, postings, []);
    }

    public NameIndex WithRecent(IEnumerable<int> nodes) =>
        new(_words, _postingStarts, _postings, [.. _recent.Concat(nodes).Distinct()]);

    /// <summary>The keys a node is found by: its label and, for people, its aliases.</summary>
    public static IEnumerable<string> Keys(NodeTable nodes, int node)
    {
        yield return TextKey.Of(nodes.Label(node));
        foreach (var alias in nodes.Aliases(node)) yield return TextKey.Of(alias);
    }

    /// <summary>Nodes one of whose keys equals <paramref name="key"/>, in index order.</summary>
    public List<int> Exact(NodeTable nodes, string key)
    {
        var words = TextKey.Words(key);
        if (words.Length == 0) return [];
        var found = new SortedSet<int>();
        foreach (var node in ExactWord(words[0]).Concat(_recent))
            if (node < nodes.Count && Keys(nodes, node).Contains(key)) found.Add(node);
        return [.. found];
    }

    /// <summary>
    /// Scored matches for free text: every query word must match a word of the node; a query of several words
    /// may also match as one word ("di caprio" finds "DiCaprio"). Best first; among equal scores the more
    /// connected node (more relationships in <paramref name="adjacency"/>) first, then by id.
    /// </summary>
    public List<(int Node, double Score)> Search(NodeTable nodes, Adjacency adjacency, string text, int first)
    {
        var queryKey = TextKey.Of(text);
        var queryWords = TextKey.Words(queryKey);
        if (queryWords.Length == 0) return [];
        List<(string Key, string[] Words)> variants = [(queryKey, queryWords)];
        if (queryWords.Length > 1) variants.Add((string.Concat(queryWords), [string.Concat(queryWords)]));

        var candidates = new HashSet<int>();
        foreach (var (_, words) in variants)
        {
            // Candidates come from the rarest-looking word: the longest one.
            var anchor = words.OrderByDescending(w => w.Length).First();
            var found = new HashSet<int>(PrefixWord(anchor).Take(CandidatesPerWord));
            if (found.Count < first) found.UnionWith(TypoWord(anchor).Take(CandidatesPerWord));
            candidates.UnionWith(found);
        }
        candidates.UnionWith(_recent);

        var scored = new List<(int Node, double Score, int Degree)>();
        foreach (var node in candidates)
        {
            if (node >= nodes.Count) continue;
            var best = Keys(nodes, node).Max(k => variants.Max(v => Score(v.Key, v.Words, k)));
            if (best > 0) scored.Add((node, best, Degree(adjacency, node)));
        }
        scored.Sort((a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            if (c == 0) c = b.Degree.CompareTo(a.Degree);
            return c != 0 ? c : string.CompareOrdinal(nodes.Id(a.Node), nodes.Id(b.Node));
        });
        return scored.Take(first).Select(s => (s.Node, s.Score)).ToList();
    }

    /// <summary>How connected a node is: its relationships of every type, in both directions.</summary>
    private static int Degree(Adjacency adjacency, int node)
    {
        var degree = 0;
        for (var slot = 0; slot < Adjacency.SlotCount; slot++) degree += adjacency.Degree(slot, node);
        return degree;
    }

    /// <summary>A key's words and each adjacent pair joined: "robert de niro" gives robert, de, niro, robertde, deniro.</summary>
    private static IEnumerable<string> WordsAndCompounds(string key)
    {
        var words = TextKey.Words(key);
        for (var i = 0; i < words.Length; i++)
        {
            yield return words[i];
            if (i > 0) yield return words[i - 1] + words[i];
        }
    }

    /// <summary>
    /// 0 when some query word matches no word of the key (nor two adjacent words joined); otherwise the mean
    /// per-word score (exact 1, prefix 0.8, typo 0.6 less 0.1 a typo, a swap of adjacent letters being one typo)
    /// plus 0.5 when the whole key equals the query, 0.25 when it starts with it.
    /// </summary>
    private static double Score(string queryKey, string[] queryWords, string key)
    {
        var words = WordsAndCompounds(key).ToArray();
        double total = 0;
        foreach (var q in queryWords)
        {
            double best = 0;
            foreach (var w in words)
            {
                if (w == q) { best = 1; break; }
                if (w.StartsWith(q, StringComparison.Ordinal)) best = Math.Max(best, 0.8);
                else
                {
                    var allowance = TextKey.TypoAllowance(q.Length);
                    if (allowance > 0 && TextKey.BoundedEditDistance(q, w, allowance) is var d && d <= allowance)
                        best = Math.Max(best, 0.6 - 0.1 * d);
                }
            }
            if (best == 0) return 0;
            total += best;
        }
        var score = total / queryWords.Length;
        if (key == queryKey) score += 0.5;
        else if (key.StartsWith(queryKey, StringComparison.Ordinal)) score += 0.25;
        return score;
    }

    private IEnumerable<int> ExactWord(string word)
    {
        var i = Array.BinarySearch(_words, word, StringComparer.Ordinal);
        return i < 0 ? [] : Postings(i);
    }

    /// <summary>Nodes with a word starting with <paramref name="prefix"/>, the exact word's nodes first.</summary>
    private IEnumerable<int> PrefixWord(string prefix)
    {
        var i = Array.BinarySearch(_words, prefix, StringComparer.Ordinal);
        if (i < 0) i = ~i;
        for (; i < _words.Length && _words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            foreach (var node in Postings(i)) yield return node;
    }

    private IEnumerable<int> TypoWord(string word)
    {
        var allowance = TextKey.TypoAllowance(word.Length);
        if (allowance == 0) yield break;
        for (var i = 0; i < _words.Length; i++)
            if (TextKey.BoundedEditDistance(word, _words[i], allowance) <= allowance)
                foreach (var node in Postings(i)) yield return node;
    }

    private IEnumerable<int> Postings(int word)
    {
        for (var p = _postingStarts[word]; p < _postingStarts[word + 1]; p++) yield return _postings[p];
    }
}
