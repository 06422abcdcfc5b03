using System.Collections.Concurrent;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Working memory for walks: visit marks and distances for two searches and the dead-end marks, cleared in O(1) by
/// bumping a generation number instead of zeroing arrays the size of the graph on every query. Rented for the
/// length of one walk, so there are as many as there are walks running at once, not one per thread; a few per
/// core are kept between walks.
/// </summary>
internal sealed class Scratch : IDisposable
{
    private static readonly ConcurrentBag<Scratch> Pool = [];

    /// <summary>Walks are CPU-bound, so more than a few per core never run at once; extra scratch goes to the collector.</summary>
    private static readonly int Retained = Environment.ProcessorCount * 2;

    public int[] MarkA = [], MarkB = [], Dead = [];
    public int[] DistA = [], DistB = [];
    public int Generation;

    private readonly List<List<int>> _candidates = [];

    /// <summary>A list for the chain walk's candidates at depth <paramref name="depth"/>, kept between walks.</summary>
    public List<int> Candidates(int depth)
    {
        while (_candidates.Count <= depth) _candidates.Add([]);
        return _candidates[depth];
    }

    public static Scratch Rent(int nodeCount)
    {
        if (!Pool.TryTake(out var s)) s = new Scratch();
        if (s.MarkA.Length < nodeCount) s.Resize(Math.Max(nodeCount + nodeCount / 8, 1024));
        if (++s.Generation == int.MaxValue)
        {
            s.Resize(s.MarkA.Length);
            s.Generation = 1;
        }
        return s;
    }

    public void Dispose()
    {
        if (Pool.Count < Retained) Pool.Add(this);
    }

    private void Resize(int size)
    {
        MarkA = new int[size]; MarkB = new int[size]; Dead = new int[size];
        DistA = new int[size]; DistB = new int[size];
        Generation = 0;
    }
}
