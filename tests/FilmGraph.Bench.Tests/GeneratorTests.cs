using System.Security.Cryptography;
using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Bench.Tests;

public sealed class GeneratorTests
{
    private static readonly GraphSize Tiny = new("tiny", 2_000, 600, 10_000);

    private static Dictionary<string, string> Digests(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        using var a = new TempStorePath();
        using var b = new TempStorePath();
        using var c = new TempStorePath();
        GraphFiles.WriteImdb(SyntheticGraph.Generate(Tiny, 42), a.Directory);
        GraphFiles.WriteNeo4jAdminCsv(SyntheticGraph.Generate(Tiny, 42), a.Directory);
        GraphFiles.WriteImdb(SyntheticGraph.Generate(Tiny, 42), b.Directory);
        GraphFiles.WriteNeo4jAdminCsv(SyntheticGraph.Generate(Tiny, 42), b.Directory);
        GraphFiles.WriteImdb(SyntheticGraph.Generate(Tiny, 43), c.Directory);

        var first = Digests(a.Directory);
        Assert.Equal(6, first.Count);
        Assert.Equal(first, Digests(b.Directory));
        Assert.NotEqual(first["title.principals.tsv"], Digests(c.Directory)["title.principals.tsv"]);
    }

    [Fact]
    public void Filmographies_are_heavy_tailed_and_everyone_is_cast()
    {
        var graph = SyntheticGraph.Generate(GraphSize.Parse("S"), 42);
        var films = graph.Credits.Where(c => c.Type == RelationshipType.CastIn).GroupBy(c => c.Person).Select(g => g.Count()).ToList();
        Assert.Equal(graph.Size.People, films.Count);
        var oneOrTwo = films.Count(n => n <= 2) / (double)films.Count;
        Assert.True(oneOrTwo > 0.5, $"only {oneOrTwo:P0} of people have one or two films");
        Assert.True(films.Max() >= 100, $"the busiest person has only {films.Max()} films");
        var cast = graph.Credits.Where(c => c.Type == RelationshipType.CastIn).GroupBy(c => c.Film).Select(g => g.Count()).ToList();
        Assert.True(cast.Max() > 10 * cast.Average(), "no film has an unusually large cast");
    }
}
