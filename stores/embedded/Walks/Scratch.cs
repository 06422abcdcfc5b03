using System.Collections.Concurrent;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Working memory for walks: visit marks and distances for two searches, and the two sides of a chain search
/// (<see cref="SearchSide"/>, which clear themselves). The marks are cleared in O(1) by
/// bumping a generation number instead of zeroing arrays the size of the graph on every query. The number moves
/// by <see cref="Stride"/>, so that a walk may also mark a node with its generation plus a distance below the
/// stride (one array read tells both whether and how far); no such mark can equal a later generation. Rented for the
/// length of one walk, so there are as many as there are walks running at once, not one per thread; a few per
/// core are kept between walks.
/// </summary>
internal sealed class Scratch : IDisposable
{
    private static readonly ConcurrentBag<Scratch> Pool = [];

    /// <summary>Walks are CPU-bound, so more than a few per core never run at once; extra scratch goes to the collector.</summary>
    private static readonly int Retained = Environment.ProcessorCount * 2;

    // Made on first use: a chain walk uses only the two search sides, the other walks only these.
    private int[]? _markA, _markB, _distA, _distB;
    private int _size;

    public int[] MarkA => _markA ??= new int[_size];
    public int[] MarkB => _markB ??= new int[_size];
    public int[] DistA => _distA ??= new int[_size];
    public int[] DistB => _distB ??= new int[_size];
    public int Generation;

    /// <summary>The two ends of a chain search, cleared by the walk that used them.</summary>
    public SearchSide SideA { get; } = new();
    public SearchSide SideB { get; } = new();

    /// <summary>How far the generation moves per walk: more than any distance a chain search records (2 × MaxHops).</summary>
    public const int Stride = 64;

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
        if (s._size < nodeCount) s.Resize(Math.Max(nodeCount + nodeCount / 8, 1024));
        if (s.Generation > int.MaxValue - 2 * Stride) s.Resize(s._size);
        s.Generation += Stride;
        return s;
    }

    public void Dispose()
    {
        if (Pool.Count < Retained) Pool.Add(this);
    }

    private void Resize(int size)
    {
        (_markA, _markB, _distA, _distB, _size) = (null, null, null, null, size);
        Generation = 0;
    }
}
