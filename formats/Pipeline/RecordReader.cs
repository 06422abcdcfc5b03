using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>One input format over its files, handing records to a <see cref="RecordSink"/>.</summary>
internal abstract class RecordReader
{
    /// <summary>
    /// Faults found before anything is read: a header that does not parse, a file that is not of the format. Any
    /// of them stops the import before it writes.
    /// </summary>
    public abstract IReadOnlyList<ImportError> Check();

    /// <summary>Bytes this reader goes through in the phase, for progress.</summary>
    public abstract long Bytes(ImportPhase phase);

    /// <summary>Hands the records of the phase to the sink, in file order.</summary>
    public abstract void Read(ImportPhase phase, RecordSink sink, CancellationToken ct);

    protected static long SizeOf(string file) => new FileInfo(file).Length;
}
