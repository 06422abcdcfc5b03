using FilmGraph.Core;

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
}

/// <summary>How far an import is. <c>TotalBytes</c> counts a file once for each pass over it.</summary>
public sealed record ImportProgress(long BytesDone, long TotalBytes, long Records, long RelationshipsWritten, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the pace so far, when there is a pace.</summary>
    public TimeSpan? Remaining => BytesDone > 0 && TotalBytes > BytesDone
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesDone) / BytesDone)
        : null;
}

/// <summary>
/// One thing wrong with the input, with its place: file, line and, where the format has one, the field or JSON path.
/// </summary>
public sealed record ImportError(string File, int Line, string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Path}: {Message}";
}

public enum RecordKind { Person, Film, Relationship }

/// <summary>Records left out on purpose, for one reason, with the places of the first few.</summary>
public sealed record SkipCount(RecordKind Kind, string Reason, long Count, IReadOnlyList<string> Examples);

/// <summary>
/// What an import did. <c>Records</c> counts the records the input offered, written or not; <c>Summary</c> what the
/// store did with them. <c>Errors</c> lists faults that stopped a file and the first rejected records. In a batched
/// import every record read is skipped, rejected, created, updated or unchanged (a dry run writes none), and
/// <c>Unreadable</c> counts input that could not be taken for any kind of record. <c>Applied</c> is true when
/// anything was written.
/// </summary>
public sealed record ImportReport(WriteSummary Summary, IReadOnlyList<ImportError> Errors, bool Applied)
{
    /// <summary>Rejected records listed in <c>Errors</c>; the rejects file has them all.</summary>
    public const int ListedRejects = 100;

    /// <summary>Whether the input was one FilmGraph JSON document, written whole or not at all.</summary>
    public bool WholeFile { get; init; }

    public bool Succeeded => Errors.Count == 0;

    public GraphStats Records { get; init; } = new(0, 0, 0);

    public IReadOnlyList<SkipCount> Skipped { get; init; } = [];

    public GraphStats Rejected { get; init; } = new(0, 0, 0);

    public long Unreadable { get; init; }

    /// <summary>Values left out of records that were kept (a birth year the store cannot hold), by reason.</summary>
    public IReadOnlyList<SkipCount> Adjusted { get; init; } = [];

    /// <summary>How many of each kind were skipped, over all reasons.</summary>
    public GraphStats SkippedRecords => new(
        Skipped.Where(s => s.Kind == RecordKind.Person).Sum(s => s.Count),
        Skipped.Where(s => s.Kind == RecordKind.Film).Sum(s => s.Count),
        Skipped.Where(s => s.Kind == RecordKind.Relationship).Sum(s => s.Count));

    /// <summary>Whether the import was cut short by a fault in a file (not by a rejected record).</summary>
    public bool Stopped { get; init; }
}
