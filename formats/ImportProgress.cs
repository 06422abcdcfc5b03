namespace FilmGraph.Formats;

/// <summary>How far an import is. <c>TotalBytes</c> counts a file once for each pass over it.</summary>
public sealed record ImportProgress(long BytesDone, long TotalBytes, long Records, long RelationshipsWritten, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the pace so far, when there is a pace.</summary>
    public TimeSpan? Remaining => BytesDone > 0 && TotalBytes > BytesDone
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesDone) / BytesDone)
        : null;
}
