namespace FilmGraph.Api.Tests;

/// <summary>
/// Introspection as GraphiQL, code generators and schema registries send it: graphql-js's getIntrospectionQuery with
/// every option on, and a client schema built from the answer (browser/introspection.mjs). Skipped, with the reason,
/// where node or the script's node_modules are missing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IntrospectionTests(ApiServer server)
{
    private static readonly string Folder = Path.Combine(ApiServer.RepositoryRoot, "tests", "FilmGraph.Api.Tests", "browser");

    [SkippableFact]
    public async Task Graphql_js_builds_a_client_schema_from_introspection_with_every_option_on()
    {
        Skip.If(NodeScript.Node is null, "node is not on PATH.");
        Skip.IfNot(Directory.Exists(Path.Combine(Folder, "node_modules", "graphql")),
            $"graphql is not installed (npm ci in {Path.GetRelativePath(ApiServer.RepositoryRoot, Folder)}).");

        var (exitCode, output, errors) = await NodeScript.RunAsync(Folder, "introspection.mjs", [server.Client.Http.BaseAddress!.ToString().TrimEnd('/')],
            TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"introspection.mjs exited with {exitCode}:{Environment.NewLine}{output}{errors}");
        Assert.Contains("introspection: client schema built", output);
    }
}
