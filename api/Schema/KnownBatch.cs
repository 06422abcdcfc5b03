using FilmGraph.Core;
using GraphQL;
using GraphQL.DataLoader;

namespace FilmGraph.Api.Schema;

/// <summary>
/// Person.knownFor and Film.knownFor for every person or film in one answer, fetched in one store call: resolvers
/// only note the id and hand back a pending result; GraphQL.NET completes pending results after the rest of their
/// level has run, and the first to complete fetches for all the ids noted so far. One batch per field and request,
/// kept in the request's user context.
/// </summary>
internal sealed class KnownBatch<T>(Func<IReadOnlyList<string>, int, CancellationToken, Task<ILookup<string, T>>> fetch)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Pending> _open = [];

    public static IDataLoaderResult<IReadOnlyList<T>> Load(IResolveFieldContext context, string key, string id, int first,
        Func<IGraphReader, Func<IReadOnlyList<string>, int, CancellationToken, Task<ILookup<string, T>>>> fetchFrom)
    {
        KnownBatch<T> batch;
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(key, out var found) && found is KnownBatch<T> existing) batch = existing;
            else context.UserContext[key] = batch = new KnownBatch<T>(fetchFrom(context.Store()));
        }
        return batch.Add(id, first);
    }

    private Result Add(string id, int first)
    {
        lock (_lock)
        {
            // A batch already fetched takes no more ids; the next level of the answer starts a new one.
            if (!_open.TryGetValue(first, out var pending) || pending.Fetch is not null) _open[first] = pending = new Pending();
            pending.Ids.Add(id);
            return new Result(this, pending, first, id);
        }
    }

    private Task<ILookup<string, T>> FetchAsync(Pending pending, int first, CancellationToken ct)
    {
        lock (_lock) return pending.Fetch ??= fetch([.. pending.Ids], first, ct);
    }

    private sealed class Pending
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public Task<ILookup<string, T>>? Fetch { get; set; }
    }

    private sealed class Result(KnownBatch<T> batch, Pending pending, int first, string id) : IDataLoaderResult<IReadOnlyList<T>>
    {
        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken ct = default) =>
            [.. (await batch.FetchAsync(pending, first, ct).ConfigureAwait(false))[id]];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken ct) => await GetResultAsync(ct).ConfigureAwait(false);
    }
}
