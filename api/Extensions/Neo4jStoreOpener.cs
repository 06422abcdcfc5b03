using FilmGraph.Core;
using FilmGraph.Store.Neo4j;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Extensions;

internal sealed class Neo4jStoreOpener(IOptions<Neo4jStoreOptions> options) : IGraphStoreOpener
{
    public async Task<IGraphStore> OpenAsync(CancellationToken ct) => GuardedGraphStore.Wrap(await Neo4jGraphStore.OpenAsync(options.Value, ct));
}
