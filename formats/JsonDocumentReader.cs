namespace FilmGraph.Formats;

/// <summary>
/// A FilmGraph JSON document too large to hold, read in two passes (people and films, then relationships) through
/// the same reader and checks as a whole document, in bounded memory.
/// </summary>
internal sealed class JsonDocumentReader(string file) : RecordReader
{
    public override IReadOnlyList<ImportError> Check() => [];

    public override long Bytes(ImportPhase phase) => SizeOf(file);

    public override void Read(ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        GraphDocumentReader.ReadInto(stream, file, phase, sink, ct);
    }
}
