using FilmGraph.Core;

namespace FilmGraph.Formats;

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
