using FilmGraph.Core;
using System.Text.Json;
using Xunit.Abstractions;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// Every statement of the registry through Neo4j's own Cypher parser and semantic analysis
/// (<c>@neo4j-cypher/language-support</c>, run by node from cypher-lint/). Reported skipped only where its npm
/// packages are not installed (<c>npm ci</c> in cypher-lint/, which .ci/run does).
/// </summary>
public sealed class CypherLintTests(ITestOutputHelper output)
{
    private static readonly string LintFolder = RepoPaths.At("tests", "FilmGraph.Store.Neo4j.Tests", "cypher-lint");

    private sealed record Diagnostic(int Severity, string Message, int Offset);

    private sealed record Linted(string Name, List<Diagnostic> Diagnostics);

    private static void SkipWithoutLinter()
    {
        Skip.If(!Directory.Exists(Path.Combine(LintFolder, "node_modules", "@neo4j-cypher", "language-support")),
            $"The Cypher linter is not installed: run 'npm ci' in {LintFolder}.");
        Skip.If(RepoPaths.Which("node") is null, "node is not on PATH; the Cypher linter runs on it.");
    }

    private static List<Linted> Lint(IEnumerable<CypherStatement> statements)
    {
        var input = Path.GetTempFileName();
        try
        {
            var schema = new
            {
                labels = Cypher.Labels,
                relationshipTypes = RelationshipTypes.All.Select(t => t.Name()),
                // Rows are maps read with the same dot syntax, so the keys only rows have count as well.
                propertyKeys = Cypher.PropertyKeys.Append("from").Append("to"),
            };
            var statementList = statements.Select(s => new { name = s.Name, text = s.Text, parameters = s.Parameters });
            File.WriteAllText(input, JsonSerializer.Serialize(new { schema, statements = statementList }));
            var (exit, output, error) = RepoPaths.Run("node", LintFolder, TimeSpan.FromMinutes(2), "lint.mjs", input);
            Assert.True(exit == 0, $"The linter failed ({exit}): {error}");
            return JsonSerializer.Deserialize<List<Linted>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(input);
        }
    }

    [SkippableFact]
    public void Every_statement_of_the_registry_passes_Neo4js_parser()
    {
        SkipWithoutLinter();
        var statements = Cypher.All().ToList();
        var linted = Lint(statements);

        Assert.Equal(statements.Select(s => s.Name), linted.Select(l => l.Name));
        foreach (var l in linted)
            foreach (var d in l.Diagnostics)
                output.WriteLine($"{l.Name} (severity {d.Severity}) at {d.Offset}: {d.Message}");
        // Warnings fail too: a misspelt label, type or property, or a deprecated construct.
        var errors = linted.SelectMany(l => l.Diagnostics.Where(d => d.Severity <= 2)
            .Select(d => $"{l.Name} at {d.Offset}: {d.Message}\n{statements.First(s => s.Name == l.Name).Text}")).ToList();
        Assert.True(errors.Count == 0, "Neo4j's parser refuses:\n" + string.Join("\n\n", errors));
    }

    [SkippableFact]
    public void The_check_fails_on_a_broken_statement()
    {
        SkipWithoutLinter();
        var good = Cypher.All().First(s => s.Name == "read.getPerson");
        var linted = Lint(
        [
            good,
            good with { Name = "syntax", Text = "MATCH (p:Person {id: $id} RETURN p" },
            good with { Name = "unboundVariable", Text = "MATCH (p:Person {id: $id}) RETURN q" },
            good with { Name = "missingParameter", Parameters = new Dictionary<string, object?>() },
            good with { Name = "misspeltLabel", Text = "MATCH (p:Persn {id: $id}) RETURN p" },
            good with { Name = "misspeltProperty", Text = "MATCH (p:Person {id: $id}) RETURN p.nam" },
            good with { Name = "misspeltType", Text = "MATCH (p:Person {id: $id})-[:CAST]->(f) RETURN f" },
        ]);

        Assert.Empty(linted[0].Diagnostics);
        Assert.All(linted.Skip(1), l => Assert.Contains(l.Diagnostics, d => d.Severity <= 2));
    }

    [Fact]
    public void The_registry_covers_every_relationship_type_and_every_statement_constant()
    {
        var names = Cypher.All().Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var type in RelationshipTypes.All) Assert.Contains($"write.upsert{type}", names);

        // A string constant or field of the registry that All() does not list would escape the check.
        var texts = Cypher.All().Select(s => s.Text).ToHashSet();
        var declared = typeof(Cypher).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string) && f.Name != nameof(Cypher.NamesIndex))
            .Select(f => (f.Name, Text: (string)f.GetValue(null)!)).ToList();
        Assert.All(declared, d => Assert.True(texts.Contains(d.Text), $"Cypher.{d.Name} is not listed by Cypher.All()."));
    }
}
