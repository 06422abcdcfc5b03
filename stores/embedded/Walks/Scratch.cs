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
    /// <summary>
    /// Walks are CPU-bound, so more than a few per core never run at once; extra scratch goes to the collector. Kept in
    /// slots taken and returned by one atomic exchange each: a ConcurrentBag's thread-local lists cost 90 ns a rent
    /// and return, a few percent of a chain.
    /// </summary>
    private static readonly Scratch?[] Pool = new Scratch?[Environment.ProcessorCount * 2];

    // Made on first use: a chain walk uses only the two search sides, the other walks only these.
    private int[]? _markA, _markB, _distA, _distB;
    private int _size;

    // Whether a walk holds this scratch: returned twice, it would sit in two slots and two walks would share it.
    private bool _rented;

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
        var s = Take() ?? new Scratch();
        if (s._size < nodeCount) s.Resize(Math.Max(nodeCount + nodeCount / 8, 1024));
        if (s.Generation > int.MaxValue - 2 * Stride) s.Resize(s._size);
        s.Generation += Stride;
        s._rented = true;
        return s;
    }

    public void Dispose()
    {
        if (!_rented) return;
        _rented = false;
        for (var i = 0; i < Pool.Length; i++)
            if (Pool[i] is null && Interlocked.CompareExchange(ref Pool[i], this, null) is null) return;
    }

    private static Scratch? Take()
    {
        for (var i = 0; i < Pool.Length; i++)
            if (Pool[i] is not null && Interlocked.Exchange(ref Pool[i], null) is { } s) return s;
        return null;
    }

    private void Resize(int size)
    {
        (_markA, _markB, _distA, _distB, _size) = (null, null, null, null, size);
        Generation = 0;
    }
}
