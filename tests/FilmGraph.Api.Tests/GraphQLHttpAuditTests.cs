using FilmGraph.Api.Tests.Protection;
using Xunit.Abstractions;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The graphql-http server audits (the GraphQL-over-HTTP specification's MUST, SHOULD and MAY, from npm) against the
/// API on 127.0.0.1, run by audit/audit.mjs: every MUST passes; each result is written to the test output. Skipped,
/// with the reason, where node or the audit's node_modules are missing. In the attack tests' collection so that node's
/// start does not weigh on their timings.
/// </summary>
[Collection(BigGraphCollection.Name)]
public sealed class GraphQLHttpAuditTests(BigGraphServer server, ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(ApiServer.RepositoryRoot, "tests", "FilmGraph.Api.Tests", "audit");

    [SkippableFact]
    public async Task The_graphql_http_audit_passes_every_MUST()
    {
        Skip.IfNot(Directory.Exists(Path.Combine(Folder, "node_modules", "graphql-http")),
            $"graphql-http is not installed (npm ci in {Path.GetRelativePath(ApiServer.RepositoryRoot, Folder)}).");
        Skip.If(NodeScript.Node is null, "node is not on PATH.");

        var (exitCode, stdout, stderr) = await NodeScript.RunAsync(Folder, "audit.mjs", [new Uri(server.Address, "/graphql").ToString()], TimeSpan.FromSeconds(120));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines) output.WriteLine(line);
        output.WriteLine(stderr);

        var summary = lines.LastOrDefault(l => l.StartsWith("audit: ", StringComparison.Ordinal));
        Assert.True(summary is not null, $"audit.mjs exited with {exitCode} before its summary:{Environment.NewLine}{stdout}{stderr}");
        var failedMusts = lines.Where(l => l.StartsWith("error ", StringComparison.Ordinal) && l.Contains(" MUST ", StringComparison.Ordinal)).ToList();
        Assert.True(failedMusts.Count == 0, $"MUSTs failed:{Environment.NewLine}{string.Join(Environment.NewLine, failedMusts)}");
        Assert.Contains(" 0 MUST failed", summary);
        Assert.Equal(0, exitCode);
        Assert.True(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)) >= 40, "fewer audits ran than graphql-http has MUSTs and SHOULDs");
    }
}
