using FilmGraph.Core;

namespace FilmGraph.Store.Embedded;

public sealed class EmbeddedGraphStore
{
    public static Task<IGraphStore> OpenAsync(EmbeddedStoreOptions options, CancellationToken ct = default) =>
        throw new NotImplementedException("landing shortly");
}
