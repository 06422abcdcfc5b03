using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>PLACEHOLDER SIGNATURE: to be implemented.</summary>
public static class GraphImport
{
    public static Task<ImportReport> ImportFileAsync(string path, IGraphWriter writer, ImportOptions options, CancellationToken ct = default) =>
        throw new NotImplementedException();
}

public sealed record ImportOptions(bool DryRun = false);

/// <summary>One thing wrong with the input, with its place: file, line and JSON path.</summary>
public sealed record ImportError(string File, int Line, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Path}: {Message}";
}

/// <summary>What an import did. <c>Applied</c> is false on a dry run and whenever there are errors.</summary>
public sealed record ImportReport(WriteSummary Summary, IReadOnlyList<ImportError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;
}
