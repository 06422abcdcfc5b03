namespace FilmGraph.Formats;

/// <summary>
/// One thing wrong with the input, with its place: file, line and, where the format has one, the field or JSON path.
/// </summary>
public sealed record ImportError(string File, int Line, string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Path}: {Message}";
}
