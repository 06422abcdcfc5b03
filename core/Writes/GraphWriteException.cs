namespace FilmGraph.Core;

/// <summary>A write was refused; nothing of it was applied.</summary>
public sealed class GraphWriteException(IReadOnlyList<WriteProblem> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems; first: {problems[0]}")
{
    public IReadOnlyList<WriteProblem> Problems { get; } = problems;
}
