namespace FilmGraph.Formats;

/// <summary>
/// How far an import is. A file read twice (nodes, then relationships: JSON Lines, a large JSON document) is in pass
/// 1 or 2 of <c>Passes</c>, and <c>BytesDone</c> of <c>TotalBytes</c> count that pass alone, so that a file is never
/// counted twice; formats read in one pass have <c>Passes</c> 1. <c>Records</c> and <c>Elapsed</c> run over the
/// whole import. <c>BytesPerSecond</c> is the current pass's recent pace (0 while it is too early to tell).
/// </summary>
public sealed record ImportProgress(
    int Pass, int Passes, bool RelationshipPass, long BytesDone, long TotalBytes, long Records, long RelationshipsWritten,
    TimeSpan Elapsed, double BytesPerSecond)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The time left in the current pass at its recent pace: the passes, and the parts of one pass, go at different
    /// speeds (stepping over lines of the other pass is fast, writing relationships slow), so the pace of the whole
    /// run so far says little about what is left.
    /// </summary>
    public TimeSpan? Remaining => BytesPerSecond > 0 && TotalBytes > BytesDone
        ? TimeSpan.FromSeconds((TotalBytes - BytesDone) / BytesPerSecond)
        : null;

    /// <summary>What the current pass reads, for a display: "people and films" or "relationships".</summary>
    public string PassReads => RelationshipPass ? "relationships" : "people and films";
}
