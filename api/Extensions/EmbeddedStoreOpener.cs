using FilmGraph.Core;
using FilmGraph.Store.Embedded;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Extensions;

internal sealed class EmbeddedStoreOpener(IOptions<EmbeddedStoreOptions> options) : IGraphStoreOpener
{
    public Task<IGraphStore> OpenAsync(CancellationToken ct) => EmbeddedGraphStore.OpenAsync(options.Value, ct);
}
