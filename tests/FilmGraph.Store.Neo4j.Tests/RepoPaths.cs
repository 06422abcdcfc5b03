using System.Diagnostics;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>Finds the repository from the test's output folder, and runs the outside tools the tests use.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FilmGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FilmGraph.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    public static (int ExitCode, string Output, string Error) Run(string program, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(program, workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs with <paramref name="environment"/> on top of this process's (a null value removes the variable).</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
