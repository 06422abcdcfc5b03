using System.Security.Cryptography;

namespace FilmGraph.Formats.Tests;

/// <summary>Files of the repository the tests read, and the fingerprint of a store on disk.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "data", "la-la-land.json");

    public static string Corpus(string name) => Path.Combine(Root, "tests", "FilmGraph.Importer.Tests", "corpus", name);

    /// <summary>
    /// The seed article the sample data quotes. It is not part of the repository: FILMGRAPH_SEED_ARTICLE names it,
    /// else it is looked for in shared/seed beside the repository.
    /// </summary>
    public static string Article =>
        Environment.GetEnvironmentVariable("FILMGRAPH_SEED_ARTICLE") is { Length: > 0 } path
            ? path
            : Path.Combine(Root, "..", "shared", "seed", "la-la-land-article.txt");

    /// <summary>The SQLite file and its write-ahead log, byte for byte: equal fingerprints mean nothing was written.</summary>
    public static string Fingerprint(string storePath) =>
        string.Join(" ", new[] { storePath, storePath + "-wal" }.Select(f =>
            File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "absent"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FilmGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FilmGraph.sln above {AppContext.BaseDirectory}.");
    }
}
