using FilmGraph.Core;
using FilmGraph.Store.Embedded;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Extensions;

internal sealed class EmbeddedStoreOpener(IOptions<EmbeddedStoreOptions> options) : IGraphStoreOpener
{
    public async Task<IGraphStore> OpenAsync(CancellationToken ct) => GuardedGraphStore.Wrap(await EmbeddedGraphStore.OpenAsync(options.Value, ct));
}
