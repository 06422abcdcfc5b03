using System.Text.RegularExpressions;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfiles it builds: the compose file validates, and the images build from the
/// solution layout (every path they copy exists, and every project the entry point needs is copied).
/// </summary>
public sealed partial class ComposeTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "api/Dockerfile", "api/FilmGraph.Api.csproj" },
        { "importer/Dockerfile", "importer/FilmGraph.Importer.csproj" },
    };

    [SkippableFact]
    public void The_compose_file_validates()
    {
        string[] command;
        if (RepoPaths.Which("docker-compose") is { } compose) command = [compose, "config", "--quiet"];
        else if (RepoPaths.Which("docker") is { } docker && RepoPaths.Run(docker, RepoPaths.Root, TimeSpan.FromSeconds(30), "compose", "version").ExitCode == 0)
            command = [docker, "compose", "config", "--quiet"];
        else
        {
            Skip.If(true, "Neither docker-compose (Debian package docker-compose) nor the docker compose plugin is installed.");
            return;
        }
        var (exit, output, error) = RepoPaths.Run(command[0], RepoPaths.Root, TimeSpan.FromMinutes(1), command[1..]);
        Assert.True(exit == 0, $"{string.Join(' ', command)} refused docker-compose.yml:\n{output}{error}");
    }

    [Fact]
    public void The_compose_file_builds_from_files_that_exist_and_selects_neo4j()
    {
        var compose = File.ReadAllText(RepoPaths.At("docker-compose.yml"));
        foreach (Match m in DockerfileLine().Matches(compose))
            Assert.True(File.Exists(RepoPaths.At(m.Groups[1].Value)), $"docker-compose.yml builds from {m.Groups[1].Value}, which does not exist.");
        Assert.Equal(2, Regex.Matches(compose, @"FilmGraph__Store: neo4j").Count);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("healthcheck:", compose);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_path_a_Dockerfile_copies_exists(string dockerfile, string project)
    {
        var copies = CopySources(dockerfile);
        Assert.NotEmpty(copies);
        foreach (var source in copies)
            Assert.True(File.Exists(RepoPaths.At(source)) || Directory.Exists(RepoPaths.At(source)), $"{dockerfile} copies {source}, which is not in the repository.");
        Assert.Contains(project, copies);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_Dockerfile_copies_every_project_its_entry_point_references(string dockerfile, string project)
    {
        var copies = CopySources(dockerfile);
        foreach (var needed in ProjectClosure(project))
        {
            Assert.True(copies.Contains(needed), $"{dockerfile} restores without copying {needed} first.");
            Assert.True(copies.Any(c => c.EndsWith('/') && needed.StartsWith(c, StringComparison.Ordinal)), $"{dockerfile} never copies the sources of {needed}.");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_Dockerfile_builds_on_the_SDK_and_runs_as_a_non_root_user(string dockerfile, string project)
    {
        var lines = File.ReadAllLines(RepoPaths.At(dockerfile)).Select(l => l.Trim()).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/(aspnet|runtime):10\.0$", froms[^1]);
        var finalStage = lines.Skip(lines.LastIndexOf(froms[^1])).ToList();
        Assert.Contains("USER $APP_UID", finalStage);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish " + project, StringComparison.Ordinal));
    }

    /// <summary>Sources of COPY instructions from the build context (the repository root), not from other stages.</summary>
    private static List<string> CopySources(string dockerfile) =>
        File.ReadAllLines(RepoPaths.At(dockerfile))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l =>
            {
                var words = l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                return words[..^1];
            })
            .ToList();

    /// <summary>The project and every project it references, directly or not, as repository paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            var folder = Path.GetDirectoryName(current)!;
            foreach (Match m in ProjectReference().Matches(File.ReadAllText(RepoPaths.At(current))))
            {
                var full = Path.GetFullPath(Path.Combine(RepoPaths.At(folder), m.Groups[1].Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    [GeneratedRegex(@"dockerfile:\s*(\S+)")]
    private static partial Regex DockerfileLine();

    [GeneratedRegex(@"<ProjectReference\s+Include=""([^""]+)""")]
    private static partial Regex ProjectReference();
}
