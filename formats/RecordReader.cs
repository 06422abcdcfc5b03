using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>Every import reads its nodes before its relationships, so a relationship finds its ends already written.</summary>
internal enum ImportPhase { Nodes, Relationships }

/// <summary>Where a record came from. <c>Text</c> is its original text, kept only when rejects are written.</summary>
internal readonly record struct Origin(string File, int Line, string? Text = null)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>The input cannot be read on from here; what was written before stays.</summary>
internal sealed class ImportStoppedException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}

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
