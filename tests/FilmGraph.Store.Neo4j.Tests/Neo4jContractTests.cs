using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>The shared store contract, on a live Neo4j; every test reports skipped, with the reason, where there is none.</summary>
public sealed class Neo4jContractTests(Neo4jServer server) : GraphStoreContract, IClassFixture<Neo4jServer>
{
    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        Skip.If(server.Options is null, server.SkipReason);
        await server.EmptyAsync();
        return await Neo4jGraphStore.OpenAsync(server.Options);
    }
}
