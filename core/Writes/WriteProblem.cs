namespace FilmGraph.Core;

/// <summary>One problem found in data offered for writing, with the place it came from when known.</summary>
public sealed record WriteProblem(string Place, string Message)
{
    public override string ToString() => Place.Length == 0 ? Message : $"{Place}: {Message}";
}
