using FilmGraph.Core;
using GraphQL;
using GraphQL.DataLoader;

namespace FilmGraph.Api.Schema;

/// <summary>
/// Person.knownFor for every person in one answer, fetched in one store call: resolvers only note the id and hand
/// back a pending result; GraphQL.NET completes pending results after the rest of their level has run, and the first
/// to complete fetches for all the ids noted so far. One batch per request, kept in its user context.
/// </summary>
internal sealed class KnownForBatch(IGraphReader store)
{
    private const string Key = "filmgraph.knownFor";

    private readonly Lock _lock = new();
    private readonly Dictionary<int, Pending> _open = [];

    public static IDataLoaderResult<IReadOnlyList<Film>> Load(IResolveFieldContext<Person> context, int first)
    {
        KnownForBatch batch;
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(Key, out var found) && found is KnownForBatch existing) batch = existing;
            else context.UserContext[Key] = batch = new KnownForBatch(context.Store());
        }
        return batch.Add(context.Source.Id, first);
    }

    private Result Add(string personId, int first)
    {
        lock (_lock)
        {
            // A batch already fetched takes no more ids; the next level of the answer starts a new one.
            if (!_open.TryGetValue(first, out var pending) || pending.Fetch is not null) _open[first] = pending = new Pending();
            pending.Ids.Add(personId);
            return new Result(this, pending, first, personId);
        }
    }

    private Task<ILookup<string, Film>> FetchAsync(Pending pending, int first, CancellationToken ct)
    {
        lock (_lock) return pending.Fetch ??= Run(pending.Ids.ToList());

        async Task<ILookup<string, Film>> Run(List<string> ids) =>
            (await store.KnownForAsync(ids, first, ct).ConfigureAwait(false)).ToLookup(c => c.PersonId, c => c.Film, StringComparer.Ordinal);
    }

    private sealed class Pending
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public Task<ILookup<string, Film>>? Fetch { get; set; }
    }

    private sealed class Result(KnownForBatch batch, Pending pending, int first, string personId) : IDataLoaderResult<IReadOnlyList<Film>>
    {
        public async Task<IReadOnlyList<Film>> GetResultAsync(CancellationToken ct = default) =>
            [.. (await batch.FetchAsync(pending, first, ct).ConfigureAwait(false))[personId]];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken ct) => await GetResultAsync(ct).ConfigureAwait(false);
    }
}
