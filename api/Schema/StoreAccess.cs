using FilmGraph.Api.Hosting;
using FilmGraph.Core;
using GraphQL;

namespace FilmGraph.Api.Schema;

internal static class StoreAccess
{
    /// <summary>The open store, looked up per request so that resolvers never hold it longer than the host does.</summary>
    public static IGraphReader Store(this IResolveFieldContext context) => context.WritableStore();

    /// <summary>The store's centres, ranked ahead of time.</summary>
    public static ICentres Centres(this IResolveFieldContext context) => context.WritableStore();

    /// <summary>The same store with its writes and version, for mutations and <c>graphVersion</c>.</summary>
    public static IGraphStore WritableStore(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<GraphStoreHost>().Store;
}
