namespace FilmGraph.Formats;

/// <summary>The input cannot be read on from here; what was written before stays.</summary>
internal sealed class ImportStoppedException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
