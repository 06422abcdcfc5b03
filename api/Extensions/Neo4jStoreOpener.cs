using FilmGraph.Core;
using FilmGraph.Store.Neo4j;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Extensions;

internal sealed class Neo4jStoreOpener(IOptions<Neo4jStoreOptions> options) : IGraphStoreOpener
{
    public Task<IGraphStore> OpenAsync(CancellationToken ct) => Neo4jGraphStore.OpenAsync(options.Value, ct);
}
