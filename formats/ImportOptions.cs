namespace FilmGraph.Formats;

/// <summary>How to import.</summary>
public sealed record ImportOptions(bool DryRun = false)
{
    public const int DefaultBatchSize = 50_000;

    /// <summary>Records per batch; each batch is written whole or not at all.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The IMDb <c>titleType</c>s imported as films.</summary>
    public IReadOnlySet<string> TitleTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "movie" };

    /// <summary>Where rejected records go, each as a "# file:line: reason" line followed by its original text.</summary>
    public TextWriter? Rejects { get; init; }

    /// <summary>Told how far the import is after every batch and every few seconds of reading.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>
    /// A FilmGraph JSON document up to this size is imported whole or not at all; a larger one goes in batches
    /// like the other formats.
    /// </summary>
    public long WholeDocumentLimit { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Whether the store writes the batches in bulk (<see cref="Core.IGraphWriter.BeginImportAsync"/>): true or false
    /// decides, null leaves it to the store, which takes the bulk path into an empty store or one much smaller than the import.
    /// </summary>
    public bool? Bulk { get; init; }
}
