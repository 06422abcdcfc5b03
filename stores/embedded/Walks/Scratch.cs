namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// Per-thread working memory for walks: visit marks and distances for two searches and the path marks, cleared in
/// O(1) by bumping a generation number instead of zeroing arrays the size of the graph on every query.
/// Walks are synchronous, so a thread's scratch is never shared by two walks at once.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic] private static Scratch? t_current;

    public int[] MarkA = [], MarkB = [], MarkPath = [];
    public int[] DistA = [], DistB = [], Level = [];
    public int Generation;

    public static Scratch For(int nodeCount)
    {
        var s = t_current ??= new Scratch();
        if (s.MarkA.Length < nodeCount) s.Resize(Math.Max(nodeCount, s.MarkA.Length * 2));
        if (++s.Generation == int.MaxValue)
        {
            s.Resize(s.MarkA.Length);
            s.Generation = 1;
        }
        return s;
    }

    private void Resize(int size)
    {
        MarkA = new int[size]; MarkB = new int[size]; MarkPath = new int[size];
        DistA = new int[size]; DistB = new int[size]; Level = new int[size];
        Generation = 0;
    }
}
