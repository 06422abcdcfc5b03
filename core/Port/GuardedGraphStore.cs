namespace FilmGraph.Core;

/// <summary>
/// The port with its rules, around any store. Before a store is asked, the arguments are checked against
/// <see cref="Limits"/> and every id an answer depends on is looked up once: an unknown id is NOT_FOUND, an id of the
/// other kind BAD_USER_INPUT, each naming its argument. After, every list is put in its <see cref="Traversal"/> order.
/// A failure of the store's own file or server leaves as <see cref="GraphStoreException"/>. Stores only fetch, so a
/// rule here holds for all of them alike.
/// </summary>
public sealed class GuardedGraphStore : IGraphStore
{
    private readonly IGraphStore _inner;

    private GuardedGraphStore(IGraphStore inner) => _inner = inner;

    /// <summary>The store behind the rules; a store already guarded is returned as it is.</summary>
    public static IGraphStore Wrap(IGraphStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as GuardedGraphStore ?? new GuardedGraphStore(store);
    }

    /// <summary>The store the rules are applied to.</summary>
    public IGraphStore Inner => _inner;

    public string Description => _inner.Description;

    public long? Version => _inner.Version;

    public Task<string?> ProblemAsync(CancellationToken ct = default) => _inner.ProblemAsync(ct);

    public GraphStoreException? Fault(Exception error) => error as GraphStoreException ?? _inner.Fault(error);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    // ---- writes ------------------------------------------------------------------------------------------

    // The batch rules (BatchValidator) run inside each store's write transaction, against the kinds stored at that moment.
    public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Guard(ct, () => _inner.WriteAsync(batch, ct));
    }

    /// <summary>Both ends must be held, the start a person and the end of the kind the type points at.</summary>
    public Task<bool> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (from, NodeKind.Person, "from"), (to, type.TargetKind(), "to")).ConfigureAwait(false);
            return await _inner.UnlinkAsync(type, from, to, ct).ConfigureAwait(false);
        });

    public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Guard(ct, () => _inner.ValidateAsync(batch, ct));
    }

    public Task BeginImportAsync(long records, bool? bulk = null, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await _inner.BeginImportAsync(records, bulk, ct).ConfigureAwait(false);
            return true;
        });

    public Task EndImportAsync(CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await _inner.EndImportAsync(ct).ConfigureAwait(false);
            return true;
        });

    // ---- nodes and search --------------------------------------------------------------------------------

    public Task<IReadOnlyDictionary<string, NodeKind>> NodeKindsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Guard(ct, () => _inner.NodeKindsAsync(ids, ct));
    }

    public Task<Person?> GetPersonAsync(string id, CancellationToken ct = default)
    {
        CheckLength("id", id, BatchValidator.MaxIdLength);
        return Guard(ct, () => _inner.GetPersonAsync(id, ct));
    }

    public Task<Film?> GetFilmAsync(string id, CancellationToken ct = default)
    {
        CheckLength("id", id, BatchValidator.MaxIdLength);
        return Guard(ct, () => _inner.GetFilmAsync(id, ct));
    }

    public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default)
    {
        CheckLength("name", name, Limits.SearchTextMaxLength);
        return Ordered(() => _inner.FindPeopleByNameAsync(name, ct), Traversal.PersonOrder, ct);
    }

    public Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default)
    {
        CheckLength("title", title, Limits.SearchTextMaxLength);
        return Ordered(() => _inner.FindFilmsByTitleAsync(title, year, ct), Traversal.FilmOrder, ct);
    }

    /// <summary>Hits in the store's own ranking, best first; the text is checked here for every store.</summary>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default)
    {
        CheckLength("text", text, Limits.SearchTextMaxLength);
        if (string.IsNullOrWhiteSpace(text)) throw GraphQueryException.BadInput("text", "'text' is blank.");
        Limits.Check("first", first, 1, Limits.SearchResultsCeiling);
        return Guard(ct, async () => (IReadOnlyList<SearchHit>)(await _inner.SearchAsync(text, first, ct).ConfigureAwait(false)).Take(first).ToList());
    }

    public Task<GraphStats> StatsAsync(CancellationToken ct = default) => Guard(ct, () => _inner.StatsAsync(ct));

    // ---- credits, conflicts, co-stars --------------------------------------------------------------------

    public Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (personId, NodeKind.Person, "id")).ConfigureAwait(false);
            return Sorted(await _inner.PersonCreditsAsync(personId, types, ct).ConfigureAwait(false), Traversal.PersonCreditOrder);
        });

    public Task<Page<Credit>> PersonCreditsPageAsync(CreditsQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();
        return Guard(ct, async () =>
        {
            await RequireAsync(ct, (query.PersonId, NodeKind.Person, "id")).ConfigureAwait(false);
            var page = await _inner.PersonCreditsPageAsync(query, ct).ConfigureAwait(false);
            return page with { Items = Traversal.CreditsIn(page.Items, query.Order, null, null) };
        });
    }

    public Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (filmId, NodeKind.Film, "id")).ConfigureAwait(false);
            return Sorted(await _inner.FilmCreditsAsync(filmId, types, ct).ConfigureAwait(false), Traversal.FilmCreditOrder);
        });

    public Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (personId, NodeKind.Person, "id")).ConfigureAwait(false);
            return Sorted(await _inner.ConflictsAsync(personId, ct).ConfigureAwait(false), Traversal.ConflictOrder);
        });

    public Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default)
    {
        Limits.Check("first", first, 1, Limits.CoStarsCeiling);
        return Guard(ct, async () =>
        {
            await RequireAsync(ct, (personId, NodeKind.Person, "id")).ConfigureAwait(false);
            var coStars = await _inner.CoStarsAsync(personId, first, ct).ConfigureAwait(false);
            return (IReadOnlyList<CoStar>)coStars
                .Select(c => c with { SharedFilms = Sorted(c.SharedFilms, Traversal.FilmOrder) })
                .Order(Traversal.CoStarOrder).Take(first).ToList();
        });
    }

    public Task<int> CoStarCountAsync(string personId, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (personId, NodeKind.Person, "id")).ConfigureAwait(false);
            return await _inner.CoStarCountAsync(personId, ct).ConfigureAwait(false);
        });

    public Task<IReadOnlyList<KnownCredit>> KnownForAsync(IReadOnlyCollection<string> personIds, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        Limits.Check("first", first, 1, Limits.KnownForCeiling);
        // The ids come from earlier answers (search hits, co-stars), so one the store lacks has no films rather than an error.
        return Guard(ct, async () => personIds.Count == 0
            ? []
            : Traversal.KnownFor(await _inner.KnownForAsync(personIds.Distinct(StringComparer.Ordinal).ToList(), first, ct).ConfigureAwait(false), first));
    }

    public Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(IReadOnlyCollection<string> filmIds, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filmIds);
        Limits.Check("first", first, 1, Limits.KnownForCeiling);
        return Guard(ct, async () => filmIds.Count == 0
            ? []
            : Traversal.KnownPeople(await _inner.KnownPeopleAsync(filmIds.Distinct(StringComparer.Ordinal).ToList(), first, ct).ConfigureAwait(false), first));
    }

    // ---- chains and walks --------------------------------------------------------------------------------

    public Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();
        Limits.Check("first", first, 1, Limits.ChainsCeiling);
        return Asked(query, ChainToThemself, [], async () =>
        {
            var chains = await _inner.ShortestChainsAsync(query, first, ct).ConfigureAwait(false);
            return chains.Count <= 1 ? chains : chains.Order(Traversal.ChainOrder).Take(first).ToList();
        }, chains => chains.Count > 0, ct);
    }

    // The one chain from a person to themself: of no links, the same answer every time.
    private static readonly IReadOnlyList<Chain> ChainToThemself = [new Chain([])];

    public Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default) =>
        Measured(query, 0, () => _inner.SeparationAsync(query, ct), ct);

    /// <summary>One chain (of length zero) from a person to themself; counts beyond <see cref="Limits.ChainCountCeiling"/> answer the ceiling.</summary>
    public Task<long?> ChainCountAsync(ChainQuery query, CancellationToken ct = default) =>
        Measured(query, 1L, async () =>
        {
            var count = await _inner.ChainCountAsync(query, ct).ConfigureAwait(false);
            return count is > 0 ? Math.Min(count.Value, Limits.ChainCountCeiling) : null;
        }, ct);

    /// <summary>A figure of the shortest chains between two people: <paramref name="themself"/> from a person to themself, null with no hops.</summary>
    private Task<T?> Measured<T>(ChainQuery query, T themself, Func<Task<T?>> measure, CancellationToken ct) where T : struct
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();
        return Asked<T?>(query, themself, null, measure, figure => figure is not null, ct);
    }

    /// <summary>
    /// A question between two people: <paramref name="themself"/> from a person to themself, <paramref name="noHops"/>
    /// with no hops, else the store's answer. The ids are checked before the store is asked unless the answer can show
    /// them held: an answer <paramref name="found"/> runs from one person to the other, so both are held and are
    /// people, and only a question that finds nothing needs the look-up (on Neo4j a round trip; in the embedded store
    /// two more probes of the id hash). Excluded ids, which no answer shows, are checked first, and so are the
    /// questions answered without the store.
    /// </summary>
    private Task<T> Asked<T>(ChainQuery query, T themself, T noHops, Func<Task<T>> ask, Func<T, bool> found, CancellationToken ct) =>
        Guard(ct, async () =>
        {
            CheckLength("from", query.From, BatchValidator.MaxIdLength);
            CheckLength("to", query.To, BatchValidator.MaxIdLength);
            var checkFirst = query.From == query.To || query.MaxHops == 0 || query.ExcludeFilms.Count + query.ExcludePeople.Count > 0;
            if (checkFirst) await RequireChainIdsAsync(query, ct).ConfigureAwait(false);
            if (query.From == query.To) return themself;
            if (query.MaxHops == 0) return noHops;
            var answer = await ask().ConfigureAwait(false);
            if (!checkFirst && !found(answer)) await RequireChainIdsAsync(query, ct).ConfigureAwait(false);
            return answer;
        });

    public Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();
        CheckLength("id", query.Id, BatchValidator.MaxIdLength);
        var all = query.Types.Count == 0 ? query with { Types = RelationshipTypes.All } : query;
        return Guard(ct, async () =>
        {
            var kinds = await _inner.NodeKindsAsync([query.Id], ct).ConfigureAwait(false);
            if (!kinds.ContainsKey(query.Id))
                throw new GraphQueryException(ErrorCodes.NotFound, $"No person or film has id '{query.Id}'.", "id");
            var subgraph = await _inner.NeighbourhoodAsync(all, ct).ConfigureAwait(false);
            return subgraph with { Edges = Sorted(subgraph.Edges, Traversal.EdgeOrder) };
        });
    }

    public Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validated();
        return Guard(ct, async () =>
        {
            await RequireAsync(ct, (query.Id, NodeKind.Person, "id")).ConfigureAwait(false);
            return await _inner.ReachAsync(query, ct).ConfigureAwait(false);
        });
    }

    // ---- centres ------------------------------------------------------------------------------------------

    public Task<IReadOnlyList<Centre>> CentresAsync(IReadOnlyList<RelationshipType> via, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(via);
        var types = Traversal.CentresVia(via);
        Limits.Check("first", first, 1, Limits.CentresCeiling);
        return Guard(ct, async () => (IReadOnlyList<Centre>)(await _inner.CentresAsync(types, first, ct).ConfigureAwait(false))
            .Order(Traversal.CentreOrder).Take(first).ToList());
    }

    public Task<CentresStatus> CentresStatusAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(via);
        var types = Traversal.CentresVia(via);
        return Guard(ct, () => _inner.CentresStatusAsync(types, ct));
    }

    public Task<CentresStatus> ComputeCentresAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(via);
        var types = Traversal.CentresVia(via);
        return Guard(ct, () => _inner.ComputeCentresAsync(types, progress, ct));
    }

    // ---- replacements ------------------------------------------------------------------------------------

    public Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            if (filmId is not null) await RequireAsync(ct, (filmId, NodeKind.Film, "film")).ConfigureAwait(false);
            return Sorted(await _inner.ReplacementsAsync(filmId, ct).ConfigureAwait(false), Traversal.ReplacementOrder);
        });

    public Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default) =>
        Guard(ct, async () =>
        {
            await RequireAsync(ct, (personId, NodeKind.Person, "id")).ConfigureAwait(false);
            var replacements = await _inner.ReplacementsOfPersonAsync(personId, ct).ConfigureAwait(false);
            return (IReadOnlyList<Replacement>)replacements.Where(r => r.Dropped.Id == personId || r.Cast.Id == personId)
                .Order(Traversal.ReplacementOrder).ToList();
        });

    // ---- the rules ---------------------------------------------------------------------------------------

    /// <summary>Both ends must be people; every excluded id must be held, and be of the kind its list names.</summary>
    private Task RequireChainIdsAsync(ChainQuery query, CancellationToken ct) =>
        RequireAsync(ct,
        [
            (query.From, NodeKind.Person, "from"),
            (query.To, NodeKind.Person, "to"),
            .. query.ExcludeFilms.Order(StringComparer.Ordinal).Select(id => (id, NodeKind.Film, "excludeFilms")),
            .. query.ExcludePeople.Order(StringComparer.Ordinal).Select(id => (id, NodeKind.Person, "excludePeople")),
        ]);

    /// <summary>
    /// Refuses text longer than any stored value can be, before it is looked up or quoted back in an error message.
    /// </summary>
    private static void CheckLength(string argument, string value, int most)
    {
        ArgumentNullException.ThrowIfNull(value, argument);
        if (value.Length > most)
            throw GraphQueryException.BadInput(argument, $"'{argument}' is {value.Length} characters long; the most allowed is {most}.");
    }

    /// <summary>Looks every id up in one call, then reports the first one that is unknown or of the other kind.</summary>
    private async Task RequireAsync(CancellationToken ct, params (string Id, NodeKind Kind, string Argument)[] wanted)
    {
        foreach (var (id, _, argument) in wanted) CheckLength(argument, id, BatchValidator.MaxIdLength);
        var kinds = await _inner.NodeKindsAsync(wanted.Select(w => w.Id).Distinct(StringComparer.Ordinal).ToArray(), ct).ConfigureAwait(false);
        foreach (var (id, kind, argument) in wanted)
        {
            var name = Name(kind);
            if (!kinds.TryGetValue(id, out var held)) throw GraphQueryException.NotFound(name, id, argument);
            if (held != kind) throw GraphQueryException.BadInput(argument, $"'{id}' is a {Name(held)}, not a {name}.");
        }
    }

    private static string Name(NodeKind kind) => kind == NodeKind.Person ? "person" : "film";

    private static IReadOnlyList<T> Sorted<T>(IReadOnlyList<T> items, IComparer<T> order) => items.Order(order).ToList();

    private Task<IReadOnlyList<T>> Ordered<T>(Func<Task<IReadOnlyList<T>>> fetch, IComparer<T> order, CancellationToken ct) =>
        Guard(ct, async () => Sorted(await fetch().ConfigureAwait(false), order));

    /// <summary>
    /// Runs one call of the store; its own infrastructure failure leaves as <see cref="GraphStoreException"/>. The
    /// token is looked at first: a request past its deadline asks nothing more of the store, even where each call is
    /// too quick to look at the token itself (a thousand fast walks add up).
    /// </summary>
    private async Task<T> Guard<T>(CancellationToken ct, Func<Task<T>> call)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (GraphQueryException or GraphWriteException or GraphStoreException or OperationCanceledException))
        {
            if (_inner.Fault(e) is { } fault) throw fault;
            throw;
        }
    }
}
