namespace FilmGraph.Store.Embedded;

/// <summary>Settings of the embedded store; bound from the configuration section <c>FilmGraph:Embedded</c>.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>The environment variable of <c>FilmGraph:Embedded:Path</c>, which the API and the importer both read.</summary>
    public const string PathVariable = "FilmGraph__Embedded__Path";

    public const string DefaultPath = "filmgraph.db";

    /// <summary>The SQLite file; created when missing.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Whether to build the in-memory traversal index. A process that only writes (the importer) skips it and
    /// still gets exact created/updated/unchanged counts from the file.
    /// </summary>
    public bool BuildIndex { get; set; } = true;

    /// <summary>
    /// How often to look for changes another process committed to the file (an import while the API runs),
    /// and reload when there are. Zero turns it off.
    /// </summary>
    public TimeSpan ExternalChangePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether to keep the in-memory index saved beside the file (<c>PATH.index</c>) and start from it: read when it
    /// holds the file as it is (else the index is built from the file and the reason noted), written again once the
    /// store has had no writes for <see cref="SnapshotDelay"/>, when an import completes and when the store closes.
    /// </summary>
    public bool Snapshot { get; set; } = true;

    /// <summary>How long the store waits after its last write (or after building from the file) before saving the snapshot in the background.</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of the best-connected people a centres computation measures.</summary>
    public int CentreCandidates { get; set; } = Core.Limits.DefaultCentreCandidates;

    /// <summary>How many of the best centres are kept and served.</summary>
    public int CentresKept { get; set; } = Core.Limits.DefaultCentresKept;

    /// <summary>The via set (comma-separated type names) whose centres are kept current in the background.</summary>
    public string CentresVia { get; set; } = "CAST_IN";

    /// <summary>Whether to compute centres in the background when they are missing or stale; off, only an explicit computation does.</summary>
    public bool CentresInBackground { get; set; } = true;

    /// <summary>How long the graph must go unchanged before stale centres are computed again.</summary>
    public TimeSpan CentresQuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Threads a centres computation uses: by default every core (it runs at the lowest priority).</summary>
    public int CentreThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Whether a centres computation stops searches that cannot make the list; off only to measure what that saves.</summary>
    public bool CentresPruned { get; set; } = true;

    /// <summary>
    /// How many neighbour entries a chain search may scan to complete the end's last layer before the walk (see
    /// <c>ChainFinder</c>). Not configuration: tests set it to nought to walk the other way on graphs too small to need it.
    /// </summary>
    internal int ChainCompletionBudget { get; init; } = Walks.ChainFinder.DefaultCompletionBudget;
}
