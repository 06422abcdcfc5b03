using FilmGraph.Core;

namespace FilmGraph.Api.Extensions;

/// <summary>Opens a kind of store; the configuration's <c>FilmGraph:Store</c> picks which one is registered.</summary>
internal interface IGraphStoreOpener
{
    Task<IGraphStore> OpenAsync(CancellationToken ct);
}
