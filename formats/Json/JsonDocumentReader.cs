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
        // The reader keeps its own fixed buffer, so the stream's would only copy twice.
        using var stream = TextInput.OpenBytes(file, bufferSize: 1, out var raw);
        GraphDocumentReader.ReadInto(stream, raw, file, phase, sink, ct);
    }
}
