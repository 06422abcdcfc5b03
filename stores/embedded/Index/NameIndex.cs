using System.Text;
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

    // Word i is _wordChars[_wordStarts[i].._wordStarts[i + 1]]; its nodes are _postings[_postingStarts[i].._postingStarts[i + 1]].
    private readonly char[] _wordChars;
    private readonly int[] _wordStarts;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;
    private readonly int[] _recent;

    public int RecentCount => _recent.Length;

    private int WordCount => _wordStarts.Length - 1;

    private NameIndex(char[] wordChars, int[] wordStarts, int[] postingStarts, int[] postings, int[] recent)
    {
        (_wordChars, _wordStarts, _postingStarts, _postings, _recent) = (wordChars, wordStarts, postingStarts, postings, recent);
    }

    /// <summary>An index over arrays read back from a snapshot, checked to be well formed for <paramref name="nodeCount"/> nodes.</summary>
    public static NameIndex FromParts(NameIndexParts parts, int nodeCount)
    {
        var (chars, wordStarts, postingStarts, postings) = parts;
        if (wordStarts.Length == 0 || postingStarts.Length != wordStarts.Length || !Rising(wordStarts, chars.Length) || !Rising(postingStarts, postings.Length)
            || !InRange(postings, nodeCount))
            throw new InvalidDataException("The name index's parts are not well formed.");
        return new NameIndex(chars, wordStarts, postingStarts, postings, []);

        static bool InRange(int[] nodes, int count)
        {
            foreach (var node in nodes)
                if ((uint)node >= (uint)count) return false;
            return true;
        }

        static bool Rising(int[] starts, int end)
        {
            if (starts[0] != 0 || starts[^1] != end) return false;
            for (var i = 1; i < starts.Length; i++)
                if (starts[i] < starts[i - 1]) return false;
            return true;
        }
    }

    /// <summary>The arrays, for the snapshot; only an index without recent nodes is saved, so they are not among them.</summary>
    public NameIndexParts Parts() =>
        _recent.Length == 0 ? new(_wordChars, _wordStarts, _postingStarts, _postings)
            : throw new InvalidOperationException("An index with recent nodes is rebuilt before it is saved.");

    public long ApproximateBytes =>
        _wordChars.LongLength * sizeof(char) + (_wordStarts.LongLength + _postingStarts.LongLength + _postings.LongLength + _recent.LongLength) * sizeof(int);

    public static NameIndex Build(NodeTable nodes)
    {
        // Names repeat their words a great deal: number the distinct words, note (word, node) pairs in node order,
        // then sort only the distinct words and lay the pairs out word by word, which keeps each word's nodes rising.
        // Words are looked up as spans of the key, so a string is made only for a word not seen before; an ASCII label
        // (most of them) is keyed on the stack from its bytes, without a string for the label or its key.
        // Sized for a word per node, about what a million names give, so that it is not copied again and again as it grows.
        var numbers = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        var builder = new Builder(numbers, nodes.Count);
        Span<char> text = stackalloc char[StackKey];
        Span<char> key = stackalloc char[StackKey];
        // The pairs come node by node, so where each node's end among them is all they need to say of their nodes.
        var nodeEnds = new int[nodes.Count];
        for (var node = 0; node < nodes.Count; node++)
        {
            var label = nodes.LabelUtf8(node);
            if (label.Length <= StackKey && Ascii.IsValid(label))
            {
                var ascii = text[..Encoding.ASCII.GetChars(label, text)];
                builder.Note(key[..TextKey.OfAscii(ascii, key)], node);
            }
            else builder.Note(TextKey.Of(nodes.Label(node)), node);
            foreach (var alias in nodes.Aliases(node)) builder.Note(TextKey.Of(alias), node);
            nodeEnds[node] = builder.PairWords.Count;
        }
        var pairWords = builder.PairWords;
        // Numbered as first seen, and enumerated in that order: words[n] is word n.
        var words = new string[numbers.Count];
        foreach (var (word, number) in numbers) words[number] = word;
        var order = WordOrder.Of(words);
        var rank = new int[words.Length];
        var wordStarts = new int[words.Length + 1];
        for (var i = 0; i < words.Length; i++)
        {
            rank[order[i]] = i;
            wordStarts[i + 1] = wordStarts[i] + words[order[i]].Length;
        }
        var chars = new char[wordStarts[^1]];
        for (var i = 0; i < words.Length; i++) words[order[i]].CopyTo(chars.AsSpan(wordStarts[i]));
        numbers.Clear();

        var postingStarts = new int[words.Length + 1];
        foreach (var number in pairWords) postingStarts[rank[number] + 1]++;
        for (var i = 0; i < words.Length; i++) postingStarts[i + 1] += postingStarts[i];
        var next = postingStarts[..^1];
        var postings = new int[pairWords.Count];
        for (int node = 0, p = 0; node < nodes.Count; node++)
            for (; p < nodeEnds[node]; p++) postings[next[rank[pairWords[p]]]++] = node;
        return new NameIndex(chars, wordStarts, postingStarts, postings, []);
    }

    /// <summary>Whether two indexes hold the same words with the same nodes each, and the same recent nodes.</summary>
    public bool SameAs(NameIndex other) =>
        _wordChars.AsSpan().SequenceEqual(other._wordChars) && _wordStarts.AsSpan().SequenceEqual(other._wordStarts)
        && _postingStarts.AsSpan().SequenceEqual(other._postingStarts) && _postings.AsSpan().SequenceEqual(other._postings)
        && _recent.AsSpan().SequenceEqual(other._recent);

    public NameIndex WithRecent(IEnumerable<int> nodes) =>
        new(_wordChars, _wordStarts, _postingStarts, _postings, [.. _recent.Concat(nodes).Distinct()]);

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
            return c != 0 ? c : nodes.CompareIds(a.Node, b.Node);
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

    // Labels up to this many UTF-8 bytes are keyed on the stack.
    private const int StackKey = 256;

    /// <summary>Takes the words <see cref="WordsAndCompounds"/> finds, each as a span valid only for the call.</summary>
    private interface IWordSink
    {
        void Word(ReadOnlySpan<char> word);
    }

    /// <summary>
    /// A key's words and each adjacent pair joined: "robert de niro" gives robert, de, robertde, niro, deniro. Words are
    /// split at spaces, as <see cref="TextKey.Words"/> splits them; <paramref name="joined"/> is room for a pair, grown when short.
    /// </summary>
    private static void WordsAndCompounds<T>(ReadOnlySpan<char> key, ref char[] joined, T sink) where T : IWordSink
    {
        var previous = ReadOnlySpan<char>.Empty;
        foreach (var range in key.Split(' '))
        {
            var word = key[range];
            if (word.IsEmpty) continue;
            sink.Word(word);
            if (!previous.IsEmpty)
            {
                var length = previous.Length + word.Length;
                if (joined.Length < length) joined = new char[length];
                previous.CopyTo(joined);
                word.CopyTo(joined.AsSpan(previous.Length));
                sink.Word(joined.AsSpan(0, length));
            }
            previous = word;
        }
    }

    /// <summary>The words and joined pairs of a key as strings, for scoring a candidate.</summary>
    private static List<string> WordsAndCompounds(string key)
    {
        var words = new Words();
        var joined = new char[key.Length];
        WordsAndCompounds(key, ref joined, words);
        return words.List;
    }

    private sealed class Words : IWordSink
    {
        public List<string> List { get; } = [];

        public void Word(ReadOnlySpan<char> word) => List.Add(new string(word));
    }

    /// <summary>The words of a build's (word, node) pairs in node order (the build notes where each node's end), numbered as first seen.</summary>
    private sealed class Builder(Dictionary<string, int> numbers, int nodeCount) : IWordSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly List<int> _lastNode = [];
        private char[] _joined = new char[2 * StackKey];
        private int _node;

        public List<int> PairWords { get; } = new(nodeCount * 4);

        /// <summary>Notes the words of a key of <paramref name="node"/>.</summary>
        public void Note(ReadOnlySpan<char> key, int node)
        {
            _node = node;
            WordsAndCompounds(key, ref _joined, this);
        }

        public void Word(ReadOnlySpan<char> word)
        {
            if (!_bySpan.TryGetValue(word, out var number))
            {
                number = numbers.Count;
                _bySpan[word] = number;
                _lastNode.Add(-1);
            }
            if (_lastNode[number] == _node) return;
            _lastNode[number] = _node;
            PairWords.Add(number);
        }
    }

    /// <summary>
    /// 0 when some query word matches no word of the key (nor two adjacent words joined); otherwise the mean
    /// per-word score (exact 1, prefix 0.8, typo 0.6 less 0.1 a typo, a swap of adjacent letters being one typo)
    /// plus 0.5 when the whole key equals the query, 0.25 when it starts with it.
    /// </summary>
    private static double Score(string queryKey, string[] queryWords, string key)
    {
        var words = WordsAndCompounds(key);
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

    private ReadOnlySpan<char> Word(int i) => _wordChars.AsSpan(_wordStarts[i], _wordStarts[i + 1] - _wordStarts[i]);

    /// <summary>Where <paramref name="word"/> is among the words in ordinal order, or the complement of where it would go.</summary>
    private int Find(ReadOnlySpan<char> word)
    {
        int lo = 0, hi = WordCount - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var c = Word(mid).SequenceCompareTo(word);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private IEnumerable<int> ExactWord(string word)
    {
        var i = Find(word);
        return i < 0 ? [] : Postings(i);
    }

    /// <summary>Nodes with a word starting with <paramref name="prefix"/>, the exact word's nodes first.</summary>
    private IEnumerable<int> PrefixWord(string prefix)
    {
        var i = Find(prefix);
        if (i < 0) i = ~i;
        for (; i < WordCount && Word(i).StartsWith(prefix, StringComparison.Ordinal); i++)
            foreach (var node in Postings(i)) yield return node;
    }

    private IEnumerable<int> TypoWord(string word)
    {
        var allowance = TextKey.TypoAllowance(word.Length);
        if (allowance == 0) yield break;
        for (var i = 0; i < WordCount; i++)
            if (TextKey.BoundedEditDistance(word, Word(i), allowance) <= allowance)
                foreach (var node in Postings(i)) yield return node;
    }

    private IEnumerable<int> Postings(int word)
    {
        for (var p = _postingStarts[word]; p < _postingStarts[word + 1]; p++) yield return _postings[p];
    }
}
