using System.Diagnostics;
using FilmGraph.Api.Observability;
using FilmGraph.Core;

namespace FilmGraph.Api.Hosting;

/// <summary>
/// A span <c>store.&lt;Method&gt;</c> around each call to the store, tagged with the size of what it answered, so that
/// a trace shows which store calls a query made and what each cost. Only inside a trace already started (a request's):
/// the seed, the metrics sampler and start-up checks run outside one and would otherwise each start a trace of their own.
/// </summary>
internal sealed class TracedGraphStore(IGraphStore inner) : IGraphStore
{
    private const string Count = "filmgraph.result.count";

    public IGraphStore Inner => inner;

    public string Description => inner.Description;

    public long? Version => inner.Version;

    public Task<string?> ProblemAsync(CancellationToken ct = default) => inner.ProblemAsync(ct);

    public GraphStoreException? Fault(Exception error) => inner.Fault(error);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default) =>
        Trace("store.Write", (batch, ct), static (s, a) => s.WriteAsync(a.batch, a.ct), BatchSize<WriteSummary>(batch));

    public Task<bool> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default) =>
        Trace("store.Unlink", (type, from, to, ct), static (s, a) => s.UnlinkAsync(a.type, a.from, a.to, a.ct), static (span, r) => span.SetTag(Count, r ? 1 : 0));

    public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default) =>
        Trace("store.Validate", (batch, ct), static (s, a) => s.ValidateAsync(a.batch, a.ct), BatchSize<IReadOnlyList<WriteProblem>>(batch));

    public Task<IReadOnlyDictionary<string, NodeKind>> NodeKindsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Trace("store.NodeKinds", (ids, ct), static (s, a) => s.NodeKindsAsync(a.ids, a.ct), static (span, r) => span.SetTag(Count, r.Count));

    public Task<Person?> GetPersonAsync(string id, CancellationToken ct = default) =>
        Trace("store.GetPerson", (id, ct), static (s, a) => s.GetPersonAsync(a.id, a.ct), static (span, r) => span.SetTag(Count, r is null ? 0 : 1));

    public Task<Film?> GetFilmAsync(string id, CancellationToken ct = default) =>
        Trace("store.GetFilm", (id, ct), static (s, a) => s.GetFilmAsync(a.id, a.ct), static (span, r) => span.SetTag(Count, r is null ? 0 : 1));

    public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default) =>
        Trace("store.FindPeopleByName", (name, ct), static (s, a) => s.FindPeopleByNameAsync(a.name, a.ct), Counted<Person>());

    public Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default) =>
        Trace("store.FindFilmsByTitle", (title, year, ct), static (s, a) => s.FindFilmsByTitleAsync(a.title, a.year, a.ct), Counted<Film>());

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default) =>
        Trace("store.Search", (text, first, ct), static (s, a) => s.SearchAsync(a.text, a.first, a.ct), Counted<SearchHit>());

    public Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default) =>
        Trace("store.PersonCredits", (personId, types, ct), static (s, a) => s.PersonCreditsAsync(a.personId, a.types, a.ct), Counted<Credit>());

    public Task<Page<Credit>> PersonCreditsPageAsync(CreditsQuery query, CancellationToken ct = default) =>
        Trace("store.PersonCreditsPage", (query, ct), static (s, a) => s.PersonCreditsPageAsync(a.query, a.ct), static (span, r) => span.SetTag(Count, r.Items.Count));

    public Task<int> CoStarCountAsync(string personId, CancellationToken ct = default) =>
        Trace("store.CoStarCount", (personId, ct), static (s, a) => s.CoStarCountAsync(a.personId, a.ct), static (span, r) => span.SetTag(Count, r));

    public Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default) =>
        Trace("store.FilmCredits", (filmId, types, ct), static (s, a) => s.FilmCreditsAsync(a.filmId, a.types, a.ct), Counted<Credit>());

    public Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default) =>
        Trace("store.Conflicts", (personId, ct), static (s, a) => s.ConflictsAsync(a.personId, a.ct), Counted<Conflict>());

    public Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default) =>
        Trace("store.CoStars", (personId, first, ct), static (s, a) => s.CoStarsAsync(a.personId, a.first, a.ct), Counted<CoStar>());

    public Task<IReadOnlyList<KnownCredit>> KnownForAsync(IReadOnlyCollection<string> personIds, int first, CancellationToken ct = default) =>
        Trace("store.KnownFor", (personIds, first, ct), static (s, a) => s.KnownForAsync(a.personIds, a.first, a.ct), Counted<KnownCredit>());

    public Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(IReadOnlyCollection<string> filmIds, int first, CancellationToken ct = default) =>
        Trace("store.KnownPeople", (filmIds, first, ct), static (s, a) => s.KnownPeopleAsync(a.filmIds, a.first, a.ct), Counted<KnownPerson>());

    public Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default) =>
        Trace("store.ShortestChains", (query, first, ct), static (s, a) => s.ShortestChainsAsync(a.query, a.first, a.ct), static (span, r) =>
        {
            span.SetTag(Count, r.Count);
            if (r.Count > 0) span.SetTag("filmgraph.result.length", r[0].Links.Count);
        });

    public Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default) =>
        Trace("store.Separation", (query, ct), static (s, a) => s.SeparationAsync(a.query, a.ct), static (span, r) => span.SetTag("filmgraph.result.length", r));

    public Task<long?> ChainCountAsync(ChainQuery query, CancellationToken ct = default) =>
        Trace("store.ChainCount", (query, ct), static (s, a) => s.ChainCountAsync(a.query, a.ct), static (span, r) => span.SetTag(Count, r));

    public Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default) =>
        Trace("store.Neighbourhood", (query, ct), static (s, a) => s.NeighbourhoodAsync(a.query, a.ct), static (span, r) =>
        {
            span.SetTag("filmgraph.result.nodes", r.Nodes.Count);
            span.SetTag("filmgraph.result.edges", r.Edges.Count);
            span.SetTag("filmgraph.result.truncated", r.Truncated);
        });

    public Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default) =>
        Trace("store.Reach", (query, ct), static (s, a) => s.ReachAsync(a.query, a.ct), static (span, r) => span.SetTag("filmgraph.result.levels", r.Levels.Count));

    public Task<IReadOnlyList<Centre>> CentresAsync(IReadOnlyList<RelationshipType> via, int first, CancellationToken ct = default) =>
        Trace("store.Centres", (via, first, ct), static (s, a) => s.CentresAsync(a.via, a.first, a.ct), Counted<Centre>());

    public Task<CentresStatus> CentresStatusAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct = default) =>
        Trace("store.CentresStatus", (via, ct), static (s, a) => s.CentresStatusAsync(a.via, a.ct), static (span, r) => span.SetTag("filmgraph.result.state", r.State.ToString()));

    public Task<CentresStatus> ComputeCentresAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct = default) =>
        Trace("store.ComputeCentres", (via, progress, ct), static (s, a) => s.ComputeCentresAsync(a.via, a.progress, a.ct), static (span, r) => span.SetTag("filmgraph.result.candidates", r.Candidates));

    public Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default) =>
        Trace("store.Replacements", (filmId, ct), static (s, a) => s.ReplacementsAsync(a.filmId, a.ct), Counted<Replacement>());

    public Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default) =>
        Trace("store.ReplacementsOfPerson", (personId, ct), static (s, a) => s.ReplacementsOfPersonAsync(a.personId, a.ct), Counted<Replacement>());

    public Task<GraphStats> StatsAsync(CancellationToken ct = default) =>
        Trace("store.Stats", ct, static (s, ct) => s.StatsAsync(ct), static (span, r) =>
        {
            span.SetTag("filmgraph.result.people", r.People);
            span.SetTag("filmgraph.result.films", r.Films);
            span.SetTag("filmgraph.result.relationships", r.Relationships);
        });

    /// <summary>
    /// Calls the store; with a span around it when a trace is under way and someone listens. Static lambdas and the
    /// arguments as a tuple keep the untraced path free of closures.
    /// </summary>
    private Task<T> Trace<TArgs, T>(string name, TArgs args, Func<IGraphStore, TArgs, Task<T>> call, Action<Activity, T> tag)
    {
        if (Activity.Current is null || !Telemetry.Source.HasListeners()) return call(inner, args);
        return TraceAsync(name, args, call, tag);
    }

    // Async, so that the span is current only for the call and the caller's Activity.Current is restored after.
    private async Task<T> TraceAsync<TArgs, T>(string name, TArgs args, Func<IGraphStore, TArgs, Task<T>> call, Action<Activity, T> tag)
    {
        using var span = Telemetry.Source.StartActivity(name);
        if (span is null) return await call(inner, args).ConfigureAwait(false);
        try
        {
            var result = await call(inner, args).ConfigureAwait(false);
            if (span.IsAllDataRequested) tag(span, result);
            return result;
        }
        catch (Exception e)
        {
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag("error.type", e is GraphQueryException query ? query.Code : e.GetType().FullName);
            throw;
        }
    }

    private static Action<Activity, IReadOnlyList<TItem>> Counted<TItem>() => static (span, r) => span.SetTag(Count, r.Count);

    private static Action<Activity, TResult> BatchSize<TResult>(GraphBatch batch) => (span, _) =>
    {
        span.SetTag("filmgraph.batch.people", batch.People.Count);
        span.SetTag("filmgraph.batch.films", batch.Films.Count);
        span.SetTag("filmgraph.batch.relationships", batch.Relationships.Count);
    };
}
