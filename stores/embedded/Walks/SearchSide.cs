using System.Runtime.CompilerServices;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// One end of the bidirectional chain search. A chain search scans many neighbours for each node it reaches, and each
/// scan asks "seen by this side? by the other?" of arrays the size of the graph, so what they hold is kept small: two
/// bits a node, side by side in one array (a word of "seen" bits, then a word of layer bits for the same 64 nodes, so
/// one cache line answers both). At a million nodes both sides' bits fit the processor's second-level cache, where an
/// int a node did not, nor a byte of layer beside a bit.
/// <para>
/// One bit of layer is enough because the walks only ever ask about a neighbour of a node whose layer they know. The
/// graph is bipartite (people, films), so a neighbour's layer is one more or one less: the two layers it may be in
/// differ by two, and bit 1 of the layer number tells them apart (<see cref="At"/>).
/// </para>
/// The nodes reached are kept too, layer after layer in one array (<see cref="Start"/> of each layer), which both lists
/// the layers and says which bits to clear when the walk ends: clearing costs no more than the reaching did.
/// </summary>
internal sealed class SearchSide
{
    private ulong[] _bits = [], _dead = [];
    private int[] _nodes = new int[1024];
    private readonly List<int> _starts = [];
    private readonly List<int> _deadNodes = [];

    /// <summary>Nodes reached so far, all layers.</summary>
    public int Count { get; private set; }

    /// <summary>The deepest layer opened: the start is layer 0.</summary>
    public int Depth => _starts.Count - 1;

    /// <summary>Empties the side (it must be clear) and opens layer 0 with <paramref name="start"/>.</summary>
    public void Begin(int nodeCount, int start)
    {
        if (_dead.Length * 64 < nodeCount)
        {
            var words = (Math.Max(nodeCount + nodeCount / 8, 1024) + 63) >> 6;
            _bits = new ulong[words * 2];
            _dead = new ulong[words];
        }
        OpenLayer();
        Add(start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Seen(int node) => (_bits[(node >> 6) << 1] & (1UL << node)) != 0;

    /// <summary>
    /// Whether the side reached <paramref name="node"/> in layer <paramref name="level"/>, told apart only from layers
    /// two away: exact when the node, if reached, lies in layer <paramref name="level"/> or <paramref name="level"/> ± 2,
    /// as does any neighbour of a node in layer <paramref name="level"/> ± 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool At(int node, int level)
    {
        var at = (node >> 6) << 1;
        var bit = 1UL << node;
        return (_bits[at] & bit) != 0 && ((_bits[at + 1] & bit) != 0) == ((level & 2) != 0);
    }

    /// <summary>Where layer <paramref name="layer"/> starts among <see cref="Node"/>; its end is the next layer's start or <see cref="Count"/>.</summary>
    public int Start(int layer) => _starts[layer];

    public int End(int layer) => layer + 1 < _starts.Count ? _starts[layer + 1] : Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Node(int i) => _nodes[i];

    /// <summary>A finished layer's nodes; not to be held while the side grows.</summary>
    public ReadOnlySpan<int> Layer(int layer) => _nodes.AsSpan(Start(layer), End(layer) - Start(layer));

    public void OpenLayer() => _starts.Add(Count);

    /// <summary>Adds <paramref name="node"/>, which the side has not seen, to the open layer.</summary>
    public void Add(int node)
    {
        var at = (node >> 6) << 1;
        _bits[at] |= 1UL << node;
        if ((Depth & 2) != 0) _bits[at + 1] |= 1UL << node;
        if (Count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[Count++] = node;
    }

    /// <summary>
    /// Adds to the open layer each of <paramref name="neighbours"/> the side has not seen (and that
    /// <paramref name="allowed"/> allows), stopping after the first the other side has seen unless
    /// <paramref name="complete"/>; returns whether one was. This is the loop a search spends its time in, so the
    /// arrays are held in locals and room for every neighbour is made before it starts (each is written to the layer's
    /// next place, which counts only when it was not seen).
    /// </summary>
    public bool AddUnseen(ReadOnlySpan<int> neighbours, SearchSide other, bool complete, Func<int, bool>? allowed)
    {
        if (_nodes.Length - Count < neighbours.Length) Array.Resize(ref _nodes, Math.Max(_nodes.Length * 2, Count + neighbours.Length));
        var (bits, nodes, otherBits) = (_bits, _nodes, other._bits);
        var (count, layerBit, met) = (Count, (Depth & 2) != 0 ? ulong.MaxValue : 0, false);
        foreach (var n in neighbours)
        {
            var at = (n >> 6) << 1;
            ref var seen = ref bits[at];
            // Whether a neighbour was seen goes either way from one to the next, so it is not branched on: a node seen
            // changes no bit, and its place in the layer is taken by the next. Branching on it was slower (interleaved
            // in one process at M and L: mean 11-15 %, p99 22-25 %).
            var fresh = ~seen & (1UL << n);
            if (allowed is not null && fresh != 0 && !allowed(n)) fresh = 0;
            seen |= fresh;
            bits[at + 1] |= fresh & layerBit;
            nodes[count] = n;
            count += (int)(fresh >> n);
            if ((otherBits[at] & fresh) != 0)
            {
                met = true;
                if (!complete) break;
            }
        }
        Count = count;
        return met;
    }

    /// <summary>Marks a node this side has seen as leading to no chain, so that the walk does not try it again.</summary>
    public void MarkDead(int node)
    {
        if (!Seen(node)) return;
        _dead[node >> 6] |= 1UL << node;
        _deadNodes.Add(node);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDead(int node) => (_dead[node >> 6] & (1UL << node)) != 0;

    /// <summary>Clears the bits of every node reached, leaving the side ready for the next walk.</summary>
    public void Clear()
    {
        // Every set bit is this walk's, so a node's two words can be zeroed: stores, with nothing read. Once the nodes
        // outnumber the words, zeroing all of them is less work.
        if (Count >= _dead.Length) Array.Clear(_bits);
        else
            for (var i = 0; i < Count; i++)
            {
                var at = (_nodes[i] >> 6) << 1;
                _bits[at] = 0;
                _bits[at + 1] = 0;
            }
        foreach (var node in _deadNodes) _dead[node >> 6] = 0;
        _deadNodes.Clear();
        Count = 0;
        _starts.Clear();
    }
}
