using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>Imports FilmGraph JSON files through a store's writer, a whole file or nothing of it.</summary>
public static class GraphImport
{
    /// <summary>
    /// Reads the file, lists everything wrong with it (its own faults and the store's objections, such as a
    /// relationship to an id that is neither in the file nor in the store), and writes it in one batch when nothing is.
    /// A file that cannot be opened throws (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>).
    /// </summary>
    public static async Task<ImportReport> ImportFileAsync(string path, IGraphWriter writer, ImportOptions options, CancellationToken ct = default)
    {
        GraphDocument doc;
        // The reader keeps its own fixed buffer, so the stream's would only copy twice.
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
            doc = GraphDocumentReader.Read(stream, path, ct);

        var records = new GraphStats(doc.People.Count, doc.Films.Count, doc.Relationships.Count);
        var batch = doc.Batch;
        if (!doc.Complete) return Refused(doc.Errors, records);
        if (doc.Errors.Count > 0 || options.DryRun)
            return Refused([.. doc.Errors, .. doc.Explain(await writer.ValidateAsync(batch, ct))], records);
        try
        {
            return new ImportReport(await writer.WriteAsync(batch, ct), [], Applied: true) { Records = records };
        }
        catch (GraphWriteException e)
        {
            return Refused([.. doc.Explain(e.Problems)], records);
        }
    }

    private static ImportReport Refused(IEnumerable<ImportError> errors, GraphStats records) =>
        new(WriteSummary.Zero, [.. errors.OrderBy(e => e.Line)], Applied: false) { Records = records };
}

public sealed record ImportOptions(bool DryRun = false);

/// <summary>One thing wrong with the input, with its place: file, line and JSON path.</summary>
public sealed record ImportError(string File, int Line, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Path}: {Message}";
}

/// <summary>
/// What an import did. <c>Applied</c> is false on a dry run and whenever there are errors. <c>Records</c> counts the
/// distinct valid records the file offered, written or not.
/// </summary>
public sealed record ImportReport(WriteSummary Summary, IReadOnlyList<ImportError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;

    public GraphStats Records { get; init; } = new(0, 0, 0);
}
