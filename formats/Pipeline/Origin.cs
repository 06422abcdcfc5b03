namespace FilmGraph.Formats;

/// <summary>Where a record came from. <c>Text</c> is its original text, kept only when rejects are written.</summary>
internal readonly record struct Origin(string File, int Line, string? Text = null)
{
    public override string ToString() => $"{File}:{Line}";
}
