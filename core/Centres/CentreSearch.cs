using System.Numerics;

namespace FilmGraph.Core;

/// <summary>
/// Ranks the candidates of a <see cref="CentreGraph"/> by closeness (<see cref="Traversal"/>, "Centres") and keeps the
/// best. Three things make thousands of full searches affordable:
/// <list type="bullet">
/// <item>64 searches run at once, one bit each in a word per node (Then et al., "The more the merrier: efficient
/// multi-source graph traversal"): candidates are hubs a few hops apart, so a node is reached by most of a batch in
/// the same few levels and each edge is read a few times per batch instead of once per search.</item>
/// <item>Batches run on every core given, each worker with its own words.</item>
/// <item>A search stops once it cannot make the list (after Bergamini et al., "Computing top-k closeness centrality
/// faster in unweighted graphs"). The bound: a person reaches exactly the others in their connected component, so
/// with r known before the search (a union-find pass), after level d has found c people at total distance S the
/// other r - c are each at least d + 1 away, and the final average is at least (S + (d + 1)(r - c)) / r. The bound
/// holds whatever the reach sets are, because r is each person's own; once it is strictly worse than the k-th best
/// kept so far, which only improves, the person cannot be among the final k, ties included.</item>
/// </list>
/// </summary>
public static class CentreSearch
{
    private const int Batch = 64;

    /// <summary>A person's figures: total distance to the people they reach, and how many those are.</summary>
    public readonly record struct Ranked(int Person, long TotalDistance, long ReachCount);

    /// <summary>What a run found: the best (in <see cref="Traversal.CentreOrder"/>), and how the candidates went.</summary>
    public sealed record Outcome(IReadOnlyList<Ranked> Best, int Candidates, int Measured, int Pruned);

    /// <summary>
    /// The best <paramref name="keep"/> of the <paramref name="candidates"/> best-connected people.
    /// <paramref name="done"/> is told the running count of candidates finished (measured or pruned) after each batch.
    /// </summary>
    public static Outcome Run(CentreGraph graph, int candidates, int keep, int threads, bool prune, Action<int>? done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        var chosen = Candidates(graph, candidates);
        var reach = ComponentReach(graph);
        var best = new Best(graph, keep);
        var finished = 0;
        var pruned = 0;
        var nextBatch = -1;
        var batches = (chosen.Length + Batch - 1) / Batch;
        var workers = Math.Clamp(threads, 1, Math.Max(1, batches));
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(() =>
            {
                var words = new Words(graph);
                for (var b = Interlocked.Increment(ref nextBatch); b < batches; b = Interlocked.Increment(ref nextBatch))
                {
                    var sources = chosen.AsSpan(b * Batch, Math.Min(Batch, chosen.Length - b * Batch)).ToArray();
                    var cut = words.Measure(sources, reach, prune ? best : null, best, ct);
                    Interlocked.Add(ref pruned, cut);
                    done?.Invoke(Interlocked.Add(ref finished, sources.Length));
                }
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            Task.WaitAll(tasks, ct);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(ct);
        }
        return new Outcome(best.InOrder(), chosen.Length, chosen.Length - pruned, pruned);
    }

    /// <summary>The first <paramref name="count"/> people by <see cref="Traversal.CompareCandidates"/>, leaving out people with no relationship.</summary>
    public static int[] Candidates(CentreGraph graph, int count)
    {
        ArgumentNullException.ThrowIfNull(graph);
        // Counting by degree finds the cut without sorting a million people: everyone above the cut's degree is in,
        // and only those at it are sorted by id to fill the rest.
        var maxDegree = 0;
        for (var p = 0; p < graph.People; p++) maxDegree = Math.Max(maxDegree, graph.Degree(p));
        var histogram = new int[maxDegree + 2];
        for (var p = 0; p < graph.People; p++) histogram[graph.Degree(p)]++;
        var cut = maxDegree;
        var above = 0;
        while (cut > 1 && above + histogram[cut] < count) above += histogram[cut--];
        var chosen = new List<int>();
        var atCut = new List<int>();
        for (var p = 0; p < graph.People; p++)
        {
            var d = graph.Degree(p);
            if (d > cut) chosen.Add(p);
            else if (d == cut && d > 0) atCut.Add(p);
        }
        atCut.Sort((a, b) => string.CompareOrdinal(graph.PersonId(a), graph.PersonId(b)));
        chosen.AddRange(atCut.Take(Math.Max(0, count - chosen.Count)));
        chosen.Sort((a, b) => Traversal.CompareCandidates(graph.Degree(a), graph.PersonId(a), graph.Degree(b), graph.PersonId(b)));
        return [.. chosen.Take(count)];
    }

    /// <summary>For every person, how many other people are in their connected component: everyone they reach.</summary>
    public static int[] ComponentReach(CentreGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parent = new int[graph.People];
        for (var p = 0; p < parent.Length; p++) parent[p] = p;
        for (var f = 0; f < graph.Films; f++)
        {
            int start = graph.FilmOffsets[f], end = graph.FilmOffsets[f + 1];
            if (end - start < 2) continue;
            var root = Find(graph.FilmPeople[start]);
            for (var i = start + 1; i < end; i++)
            {
                var other = Find(graph.FilmPeople[i]);
                if (other != root) parent[other] = root;
            }
        }
        var size = new int[graph.People];
        for (var p = 0; p < parent.Length; p++) size[Find(p)]++;
        var reach = new int[graph.People];
        for (var p = 0; p < parent.Length; p++) reach[p] = size[Find(p)] - 1;
        return reach;

        int Find(int p)
        {
            while (parent[p] != p)
            {
                parent[p] = parent[parent[p]];
                p = parent[p];
            }
            return p;
        }
    }

    /// <summary>The best kept so far, shared by the workers; its worst is the bar a search must be able to clear.</summary>
    private sealed class Best(CentreGraph graph, int keep)
    {
        private readonly SortedSet<Ranked> _kept = new(Comparer<Ranked>.Create((a, b) =>
            Traversal.CompareCloseness(a.TotalDistance, a.ReachCount, graph.PersonId(a.Person), b.TotalDistance, b.ReachCount, graph.PersonId(b.Person))));

        public void Add(Ranked ranked)
        {
            lock (_kept)
            {
                _kept.Add(ranked);
                if (_kept.Count > keep) _kept.Remove(_kept.Max);
            }
        }

        /// <summary>The k-th best so far, or null while fewer than k are kept.</summary>
        public Ranked? Bar()
        {
            lock (_kept) return _kept.Count < keep ? null : _kept.Max;
        }

        public IReadOnlyList<Ranked> InOrder()
        {
            lock (_kept) return [.. _kept];
        }
    }

    /// <summary>One worker's bit words: a bit per search of the batch in every person's and film's word.</summary>
    private sealed class Words(CentreGraph graph)
    {
        private readonly ulong[] _seenPeople = new ulong[graph.People];
        private readonly ulong[] _frontPeople = new ulong[graph.People];
        private readonly ulong[] _nextPeople = new ulong[graph.People];
        private readonly ulong[] _seenFilms = new ulong[graph.Films];
        private readonly ulong[] _frontFilms = new ulong[graph.Films];
        private readonly long[] _total = new long[Batch];
        private readonly long[] _count = new long[Batch];
        private readonly long[] _levelCount = new long[Batch];

        /// <summary>Runs one batch; finished searches go to <paramref name="best"/>. Returns how many were pruned.</summary>
        public int Measure(int[] sources, int[] reach, Best? bar, Best best, CancellationToken ct)
        {
            Array.Clear(_seenPeople);
            Array.Clear(_frontPeople);
            Array.Clear(_seenFilms);
            Array.Clear(_total);
            Array.Clear(_count);
            var active = 0UL;
            for (var i = 0; i < sources.Length; i++)
            {
                var bit = 1UL << i;
                _seenPeople[sources[i]] |= bit;
                _frontPeople[sources[i]] |= bit;
                // Someone who reaches nobody has no average and is never a centre.
                if (reach[sources[i]] > 0) active |= bit;
            }
            var pruned = 0;
            for (var level = 1; active != 0; level++)
            {
                ct.ThrowIfCancellationRequested();
                PeopleToFilms(active);
                if (!FilmsToPeople()) break;
                for (var i = 0; i < sources.Length; i++)
                {
                    var bit = 1UL << i;
                    if ((active & bit) == 0) continue;
                    _count[i] += _levelCount[i];
                    _total[i] += _levelCount[i] * level;
                    long r = reach[sources[i]];
                    if (_count[i] == r)
                    {
                        best.Add(new Ranked(sources[i], _total[i], r));
                        active &= ~bit;
                    }
                    else if (bar?.Bar() is { } worst && Traversal.CompareCloseness(
                        _total[i] + (level + 1) * (r - _count[i]), r, "", worst.TotalDistance, worst.ReachCount, "") > 0)
                    {
                        active &= ~bit;
                        pruned++;
                    }
                }
            }
            if (active != 0) throw new InvalidOperationException("A centre search ended before reaching its whole component.");
            return pruned;
        }

        /// <summary>Films reached this level: a film's word gathers its people's frontier bits of the searches still on.</summary>
        private void PeopleToFilms(ulong active)
        {
            var front = _frontFilms;
            Array.Clear(front);
            var offsets = graph.PersonOffsets;
            var films = graph.PersonFilms;
            for (var p = 0; p < _frontPeople.Length; p++)
            {
                var bits = _frontPeople[p] & active;
                if (bits == 0) continue;
                for (var i = offsets[p]; i < offsets[p + 1]; i++) front[films[i]] |= bits;
            }
            var seen = _seenFilms;
            for (var f = 0; f < front.Length; f++)
            {
                var fresh = front[f] & ~seen[f];
                seen[f] |= fresh;
                front[f] = fresh;
            }
        }

        /// <summary>People reached this level, counted per search into the level counts; false when nobody new was.</summary>
        private bool FilmsToPeople()
        {
            var next = _nextPeople;
            Array.Clear(next);
            var offsets = graph.FilmOffsets;
            var people = graph.FilmPeople;
            for (var f = 0; f < _frontFilms.Length; f++)
            {
                var bits = _frontFilms[f];
                if (bits == 0) continue;
                for (var i = offsets[f]; i < offsets[f + 1]; i++) next[people[i]] |= bits;
            }
            Array.Clear(_levelCount);
            var any = false;
            var seen = _seenPeople;
            for (var p = 0; p < next.Length; p++)
            {
                var fresh = next[p] & ~seen[p];
                _frontPeople[p] = fresh;
                if (fresh == 0) continue;
                seen[p] |= fresh;
                any = true;
                while (fresh != 0)
                {
                    _levelCount[BitOperations.TrailingZeroCount(fresh)]++;
                    fresh &= fresh - 1;
                }
            }
            return any;
        }
    }
}
