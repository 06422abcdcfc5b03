using System.Text.RegularExpressions;

namespace FilmGraph.Core.Tests;

/// <summary>
/// The habits .editorconfig cannot state, checked over every C# file of the repository: one name for cancellation
/// tokens, and one public type per file outside the tests (a test file may keep its fixture beside it).
/// </summary>
public sealed partial class HabitTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FilmGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("FilmGraph.sln is not above the test's folder.");
    }

    private static IEnumerable<string> SourceFiles(bool tests)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "obj" or "bin" or "node_modules" or ".git")) continue;
            if (!tests && relative.StartsWith("tests/", StringComparison.Ordinal)) continue;
            yield return relative;
        }
    }

    [Fact]
    public void Cancellation_tokens_are_named_ct()
    {
        var files = SourceFiles(tests: true).ToList();
        Assert.NotEmpty(files);
        var misnamed = files
            .SelectMany(f => TokenParameter().Matches(File.ReadAllText(Path.Combine(Root, f))).Select(m => (File: f, Name: m.Groups[1].Value)))
            .Where(p => p.Name != "ct")
            .Select(p => $"{p.File}: {p.Name}")
            .ToList();
        Assert.Empty(misnamed);
    }

    [Fact]
    public void Each_production_file_declares_at_most_one_public_type()
    {
        var files = SourceFiles(tests: false).ToList();
        Assert.Contains("core/Port/GuardedGraphStore.cs", files);
        var crowded = files
            .Select(f => (File: f, Types: PublicTopLevelType().Matches(File.ReadAllText(Path.Combine(Root, f))).Count))
            .Where(f => f.Types > 1)
            .Select(f => $"{f.File}: {f.Types} public types")
            .ToList();
        Assert.Empty(crowded);
    }

    // A parameter or a primary-constructor parameter of type CancellationToken, with or without a default.
    [GeneratedRegex(@"[(,]\s*CancellationToken\s+(\w+)")]
    private static partial Regex TokenParameter();

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|partial|readonly|ref) )*(?:class|record|struct|interface|enum) ", RegexOptions.Multiline)]
    private static partial Regex PublicTopLevelType();
}
