using FilmGraph.Core;
using FilmGraph.Store.Embedded.Centres;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Index.Snapshot;
using FilmGraph.Store.Embedded.Sqlite;
using FilmGraph.Store.Embedded.Walks;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded;

/// <summary>
/// The default store: a SQLite file is the record, and an in-memory index built from it answers traversals.
/// One writer at a time (a lock here, an immediate transaction in the file); readers take the current index
/// version and never wait. Relationship properties are read from the file when a result needs them.
/// <para>
/// The file is watched (<see cref="FileWatch"/>): deleted, replaced by another store, or unreadable, the store stops
/// answering with STORE_UNAVAILABLE rather than serve what it remembers of a file that is gone, and opens the file
/// afresh once a readable store is at the path again. A query takes the index and the readers of one opening
/// together (<see cref="Opened"/>), so it never mixes an old index with a new file.
/// </para>
/// </summary>
public sealed class EmbeddedGraphStore : IGraphStore
{
    private readonly EmbeddedStoreOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Timer? _poll;
    private readonly FileWatch? _watch;
    private readonly SnapshotKeeper? _snapshots;
    private readonly CentresKeeper? _centres;
    private SqliteConnection _writer;
    private string _identity;
    private Opened _opened;
    private BulkLoad? _bulk;
    private volatile string? _fault;
    private bool _disposed;

    /// <summary>What a query reads, published as one reference: the index and the readers of the same opening of the file.</summary>
    private sealed record Opened(GraphIndex Index, EdgeRows.Pool Readers);

    private EmbeddedGraphStore(EmbeddedStoreOptions options)
    {
        _options = options;
        _writer = StoreFile.OpenWriter(options.Path);
        _identity = StoreFile.Identity(_writer);
        var index = IndexLoader.Open(_writer, options.BuildIndex, options.Snapshot, null, options.Path, out var timings, out var source);
        _opened = new Opened(index, new EdgeRows.Pool(options.Path));
        (OpenTimings, IndexSource) = (timings, source);
        if (options.Snapshot)
        {
            _snapshots = new SnapshotKeeper(options.Path, options.SnapshotDelay, SnapshotOfNow);
            if (timings.Snapshot > TimeSpan.Zero) _snapshots.Loaded(_identity, index.Generation);
            else _snapshots.Changed(index, _identity);
        }
        // A snapshot saved after writes may lack the chains' role table: read it from the file after the start rather
        // than before, since until then chains read their few roles from the file anyway.
        if (options.BuildIndex && index.Roles is null && timings.Snapshot > TimeSpan.Zero) _ = Task.Run(() => AddRolesAsync(index));
        if (options.BuildIndex) _centres = new CentresKeeper(options, () => Current, () => _identity);
        if (options.ExternalChangePoll > TimeSpan.Zero)
        {
            _poll = new Timer(_ => Look(), null, options.ExternalChangePoll, options.ExternalChangePoll);
            _watch = FileWatch.Start(options.Path, Look);
        }
    }

    /// <summary>Opens (creating when missing) the store file and builds the index.</summary>
    public static EmbeddedGraphStore Open(EmbeddedStoreOptions options) => new(options);

    public static Task<IGraphStore> OpenAsync(EmbeddedStoreOptions options, CancellationToken ct = default) =>
        Task.Run<IGraphStore>(() => Open(options), ct);

    /// <summary>Where the time of opening went.</summary>
    public IndexLoadTimings OpenTimings { get; }

    /// <summary>Where the index came from when the store opened: the snapshot, or the file and why not the snapshot.</summary>
    public string IndexSource { get; }

    /// <summary>What the last save of the snapshot did, or why it failed; null before the first.</summary>
    public string? SnapshotNote => _snapshots?.LastNote;

    /// <summary>
    /// Saves the index beside the file now unless the snapshot there is already current, so that the next process to
    /// open the store starts from it. An import calls this when it completes; a write-only store (the importer's)
    /// builds the index from the file first. Returns whether a snapshot was written.
    /// </summary>
    public Task<bool> WriteSnapshotAsync(CancellationToken ct = default) =>
        UnderWriteLockAsync(() =>
        {
            if (_snapshots is null || _snapshots.IsCurrent(_opened.Index, _identity)) return false;
            var index = _opened.Index.Names is not null ? _opened.Index : IndexLoader.Load(_writer, buildIndex: true, null);
            return _snapshots.Save(index, _identity);
        }, ct);

    /// <summary>The index and identity of this moment, for a background save; null when closed or faulted.</summary>
    private (GraphIndex Index, string Identity)? SnapshotOfNow()
    {
        if (_disposed || !_writeLock.Wait(TimeSpan.FromSeconds(30))) return null;
        try
        {
            return _disposed || _fault is not null ? null : (_opened.Index, _identity);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The file, and where the index came from (the API logs this when the store opens).</summary>
    public string Description => $"embedded: {Path.GetFullPath(_options.Path)}, index {IndexSource}";

    /// <summary>Bytes held by the adjacency rows: the figure the benchmarks report per relationship.</summary>
    public long AdjacencyBytes => Current.Adjacency.ApproximateBytes;

    /// <summary>
    /// Bytes held for chains beside the adjacency: the id ranks and the in-memory roles (<see cref="Index.EdgeRoles"/>),
    /// the roles counting 0 while they are read from the file instead.
    /// </summary>
    public long ChainTableBytes => ChainTables.Bytes(Current);

    /// <summary>Whether node numbers compare as ids do (<see cref="IdOrder.NumbersInOrder"/>), which chains make use of.</summary>
    internal bool NodesInIdOrder => Current.Order?.NumbersInOrder == true;

    /// <summary>Bytes held by each structure of the index (arrays with their spare room), for the benchmarks.</summary>
    public (long NodeTable, long Adjacency, long Names) IndexBytes =>
        (Current.Nodes.ApproximateBytes, Current.Adjacency.ApproximateBytes, Current.Names?.ApproximateBytes ?? 0);

    public Task<string?> ProblemAsync(CancellationToken ct = default) => Task.FromResult(Problem);

    /// <summary>Why the store cannot answer now (its file deleted, replaced or unreadable), or null when it can.</summary>
    public string? Problem => _disposed ? "The store is closed." : _fault;

    private GraphIndex Current => Volatile.Read(ref _opened).Index;

    /// <summary>The current opening, with traversal structures; a write-only store has none.</summary>
    private Opened Readable
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_fault is { } fault) throw new GraphStoreException(fault);
            var opened = Volatile.Read(ref _opened);
            if (opened.Index.Names is null) throw new InvalidOperationException("This store was opened write-only (BuildIndex = false) and cannot answer queries.");
            return opened;
        }
    }

    private long _version;

    /// <summary>Counts the versions published: every write, reload and reopening makes a new one.</summary>
    public long? Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Puts the file's roles beside <paramref name="index"/> when it is still the one published and of the file's
    /// generation; the answers do not change, so no new version is counted. A failure only leaves roles to the file.
    /// </summary>
    private async Task AddRolesAsync(GraphIndex index)
    {
        try
        {
            EdgeRoles? roles;
            using (var reader = StoreFile.OpenReader(_options.Path))
            using (var tx = reader.BeginTransaction(deferred: true))
            {
                if (StoreFile.Generation(reader, tx) != index.Generation) return;
                roles = RoleRows.Read(reader.Handle!).Build(index.Adjacency, index.NodeCount);
            }
            if (roles is null || _disposed) return;
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!ReferenceEquals(Current, index) || _disposed) return;
                var withRoles = new GraphIndex(index.Nodes, index.Adjacency, index.Names, index.DataVersion, index.Generation, index.Order, roles);
                Volatile.Write(ref _opened, _opened with { Index = withRoles });
                _snapshots?.Changed(withRoles, _identity);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidDataException or ObjectDisposedException)
        {
            // The roles stay with the file, where chains read them.
        }
    }

    private void Publish(GraphIndex index)
    {
        Volatile.Write(ref _opened, _opened with { Index = index });
        Interlocked.Increment(ref _version);
        _snapshots?.Changed(index, _identity);
    }

    /// <summary>The index as the file holds it now, from the snapshot when that is current; called holding the write lock.</summary>
    private GraphIndex LoadIndex(SqliteConnection writer, SqliteTransaction? tx)
    {
        var index = IndexLoader.Open(writer, _options.BuildIndex, _options.Snapshot, tx, _options.Path, out var timings, out _);
        // Read from the snapshot: it is current, and saving it again would only write the same bytes.
        if (timings.Snapshot > TimeSpan.Zero) _snapshots?.Loaded((string)StoreFile.Scalar(writer, "SELECT value FROM meta WHERE key = 'identity'", tx)!, index.Generation);
        return index;
    }


    // ---- writes ------------------------------------------------------------------------------------------

    public Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default) =>
        UnderWriteLockAsync(() =>
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            // Inside the immediate transaction nobody else can commit, so the index checked here stays true.
            var before = Current;
            var index = CatchUp(before, tx);
            if (_bulk is not null && !ReferenceEquals(index, before)) _bulk.Reread(_writer, tx, index.Nodes);
            if (batch.IsEmpty) return WriteSummary.Zero;
            AppliedBatch applied;
            if (_bulk is not null) applied = _bulk.Write(_writer, index.Nodes, batch, ct);
            else
            {
                var lookup = new BatchLookup(index.Nodes);
                var problems = BatchValidator.Validate(batch, lookup.KindOf);
                if (problems.Count > 0) throw new GraphWriteException(problems);
                applied = BatchWriter.Apply(_writer, index.Nodes, lookup, batch, null, ct);
            }
            // A batch that changed nothing (an import run again) leaves the generation, and so the snapshot, as they were.
            var changedAny = applied.Appended.Count + applied.Changed.Count + applied.CreatedEdges.Count + applied.Summary.Relationships.Updated > 0;
            var generation = changedAny ? StoreFile.NextGeneration(_writer, tx) : index.Generation;
            tx.Commit();
            _bulk?.Committed(applied);
            Publish(Follow(index, applied, generation));
            return applied.Summary;
        }, ct);

    /// <summary>
    /// Takes the bulk path (<see cref="BulkLoad"/>) when the store is empty or the import brings at least as many records
    /// as it holds rows, or when <paramref name="bulk"/> says so.
    /// </summary>
    public Task BeginImportAsync(long records, bool? bulk = null, CancellationToken ct = default) =>
        UnderWriteLockAsync(() =>
        {
            if (_bulk is not null || bulk == false) return true;
            var index = CatchUp(Current, null);
            if (bulk is null)
            {
                var edges = index.Names is not null
                    ? index.Adjacency.BaseEdges + index.Adjacency.OverlayEdges
                    : index.Nodes.Count == 0 ? 0 : (long)StoreFile.Scalar(_writer, "SELECT count(*) FROM edges")!;
                if (!BulkLoad.Worthwhile(index.Nodes.Count + edges, records)) return true;
            }
            _bulk = BulkLoad.Start(_writer, index.Nodes, records, _options.Path);
            return true;
        }, ct);

    /// <summary>
    /// The one place an import ends, bulk or not, complete or not: the bulk path is finished here, and what should
    /// follow every import with the file complete (a snapshot of the in-memory index beside it, so that the next start
    /// reads it instead of the file) belongs after it.
    /// </summary>
    public async Task EndImportAsync(CancellationToken ct = default)
    {
        await UnderWriteLockAsync(() =>
        {
            var bulk = _bulk;
            _bulk = null;
            if (bulk is null) return true;
            // The snapshot is built from memory and saved on another core while SQLite folds the log into the file:
            // neither needs the other.
            var (index, identity, snapshots) = (_opened.Index, _identity, _snapshots);
            var saving = snapshots is null || snapshots.IsCurrent(index, identity)
                ? null
                : Task.Run(() => snapshots.Save(index.Names is not null ? PendingIndex.Of(index) : bulk.Index(index, _options.Path), identity), CancellationToken.None);
            try
            {
                bulk.Finish(_writer, _options.Path);
            }
            finally
            {
                saving?.GetAwaiter().GetResult();
            }
            return true;
        }, ct).ConfigureAwait(false);
        // Saved above after a bulk import; otherwise saved now, from the file when the store keeps no index.
        await WriteSnapshotAsync(ct).ConfigureAwait(false);
    }

    public Task<bool> UnlinkAsync(RelationshipType type, string from, string to, CancellationToken ct = default) =>
        UnderWriteLockAsync(() =>
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            var index = CatchUp(Current, tx);
            var (source, target) = (index.Nodes.IndexOf(from), index.Nodes.IndexOf(to));
            if (source < 0 || target < 0) return false;
            using (var delete = StoreFile.Command(_writer, tx, "DELETE FROM edges WHERE dst = $dst AND type = $type AND src = $src",
                ("$dst", target + 1), ("$type", (int)type), ("$src", source + 1)))
            {
                if (delete.ExecuteNonQuery() == 0) return false;
            }
            StoreFile.NextGeneration(_writer, tx);
            tx.Commit();
            // A bulk import under way no longer holds what the file does.
            _bulk?.Reread(_writer, null, Current.Nodes);
            // The rows are built to be appended to, never cut; a removal is rare enough to rebuild them from the file.
            Publish(IndexLoader.Load(_writer, _options.BuildIndex, null));
            return true;
        }, ct);

    public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default) =>
        UnderWriteLockAsync(() => BatchValidator.Validate(batch, CatchUp(Current, null).Nodes.KindOf), ct);

    /// <summary>
    /// Runs <paramref name="work"/> as the one writer, after looking at the path: a write into a file that is no longer
    /// there would be lost, and a check against it would answer for a store that is gone.
    /// </summary>
    private async Task<T> UnderWriteLockAsync<T>(Func<T> work, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Settle() is { } fault) throw new GraphStoreException(fault);
            return work();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The index after a committed batch: nodes appended or changed, edges added, names noted.</summary>
    private static GraphIndex Follow(GraphIndex index, AppliedBatch applied, long generation)
    {
        var nodes = index.Nodes.With(applied.Appended, applied.Changed);
        if (index.Names is null) return new GraphIndex(nodes, index.Adjacency, null, index.DataVersion, generation);
        var adjacency = index.Adjacency.With(applied.CreatedEdges, nodes.Count);
        var touched = applied.Appended.Concat(applied.Changed).Select(r => r.Node).ToList();
        var names = index.Names.RecentCount + touched.Count > Math.Max(4096, nodes.Count / 16)
            ? NameIndex.Build(nodes)
            : index.Names.WithRecent(touched);
        return new GraphIndex(nodes, adjacency, names, index.DataVersion, generation, ChainTables.Order(index, nodes), ChainTables.Roles(index, adjacency, applied));
    }

    /// <summary>Reloads from the file when another process committed to it; called holding the write lock.</summary>
    private GraphIndex CatchUp(GraphIndex index, SqliteTransaction? tx)
    {
        if (StoreFile.DataVersion(_writer, tx) == index.DataVersion) return index;
        var reloaded = LoadIndex(_writer, tx);
        Publish(reloaded);
        return reloaded;
    }

    /// <summary>
    /// Looks at the file by its path: still this store's file, another store's, gone, or unreadable. Called by the
    /// poll and whenever the folder reports a change to the file; catches up with commits of other processes.
    /// </summary>
    private void Look()
    {
        if (_disposed || !_writeLock.Wait(0)) return;
        try
        {
            if (!_disposed && Settle() is null) CatchUp(Current, null);
        }
        catch (SqliteException)
        {
            // The file is busy or mid-change: the next look, or the next write, catches up.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Makes the store agree with what is at the path: faulted when the file is gone or unreadable, opened afresh
    /// when a readable store is there after a fault or in place of this one. Returns the fault, if any. Called
    /// holding the write lock.
    /// </summary>
    private string? Settle()
    {
        var (identity, fault) = StoreFile.Examine(_options.Path);
        try
        {
            if (fault is not null)
            {
                if (_fault is null) CloseFile();
                _fault = fault;
            }
            else if (_fault is not null || identity != _identity) Reopen();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Mid-change (an import still creating the file): the next look decides.
            _fault ??= $"The store file {Path.GetFullPath(_options.Path)} cannot be read: {e.Message}";
        }
        return _fault;
    }

    /// <summary>Lets go of a file that is no longer this store's, so nothing more is read from it or written to it.</summary>
    private void CloseFile()
    {
        // What a bulk import knew of the file's relationships is not true of the next file at the path.
        _bulk?.Dispose();
        _bulk = null;
        _opened.Readers.Dispose();
        _writer.Dispose();
        ClearPools();
    }

    /// <summary>Opens the file now at the path as this store; called holding the write lock.</summary>
    private void Reopen()
    {
        if (_fault is null)
        {
            CloseFile();
            _fault = $"The store file {Path.GetFullPath(_options.Path)} was replaced and is being opened afresh.";
        }
        var writer = StoreFile.OpenWriter(_options.Path);
        try
        {
            var index = LoadIndex(writer, null);
            (_writer, _identity) = (writer, StoreFile.Identity(writer));
            Volatile.Write(ref _opened, new Opened(index, new EdgeRows.Pool(_options.Path)));
            Interlocked.Increment(ref _version);
            _fault = null;
            _snapshots?.Changed(index, _identity);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private void ClearPools()
    {
        // Pooled connections would keep the file open (and its WAL un-checkpointed) after the store is done with it.
        SqliteConnection.ClearPool(new SqliteConnection(StoreFile.ConnectionString(_options.Path, readOnly: true)));
        SqliteConnection.ClearPool(new SqliteConnection(StoreFile.ConnectionString(_options.Path, readOnly: false)));
    }

    // ---- nodes and search -----------------------------------------------------------------------------------

    public Task<IReadOnlyDictionary<string, NodeKind>> NodeKindsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var nodes = Current.Nodes;
        var kinds = new Dictionary<string, NodeKind>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
            if (nodes.IndexOf(id) is var node and >= 0) kinds[id] = nodes.Kind(node);
        return Task.FromResult<IReadOnlyDictionary<string, NodeKind>>(kinds);
    }

    public Task<Person?> GetPersonAsync(string id, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var node = index.Node(id, NodeKind.Person);
        return Task.FromResult(node >= 0 ? index.Nodes.Person(node) : null);
    }

    public Task<Film?> GetFilmAsync(string id, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var node = index.Node(id, NodeKind.Film);
        return Task.FromResult(node >= 0 ? index.Nodes.Film(node) : null);
    }

    public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken ct = default)
    {
        var index = Readable.Index;
        IReadOnlyList<Person> people = index.Names!.Exact(index.Nodes, TextKey.Of(name))
            .Where(n => index.Nodes.Kind(n) == NodeKind.Person).Select(index.Nodes.Person).ToList();
        return Task.FromResult(people);
    }

    public Task<IReadOnlyList<Film>> FindFilmsByTitleAsync(string title, int? year, CancellationToken ct = default)
    {
        var index = Readable.Index;
        IReadOnlyList<Film> films = index.Names!.Exact(index.Nodes, TextKey.Of(title))
            .Where(n => index.Nodes.Kind(n) == NodeKind.Film && (year is null || index.Nodes.Year(n) == year))
            .Select(index.Nodes.Film).ToList();
        return Task.FromResult(films);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var nodes = index.Nodes;
        IReadOnlyList<SearchHit> hits = index.Names!.Search(nodes, index.Adjacency, text, first).Select(h => nodes.Kind(h.Node) == NodeKind.Person
            ? new SearchHit(NodeKind.Person, nodes.Id(h.Node), nodes.Label(h.Node), h.Score, nodes.Person(h.Node), null)
            : new SearchHit(NodeKind.Film, nodes.Id(h.Node), nodes.Label(h.Node), h.Score, null, nodes.Film(h.Node))).ToList();
        return Task.FromResult(hits);
    }

    public Task<GraphStats> StatsAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var index = Current;
        long people = 0;
        for (var n = 0; n < index.Nodes.Count; n++) if (index.Nodes.Kind(n) == NodeKind.Person) people++;
        long relationships;
        if (index.Names is not null) relationships = index.Adjacency.BaseEdges + index.Adjacency.OverlayEdges;
        else
        {
            using var connection = StoreFile.OpenReader(_options.Path);
            relationships = (long)StoreFile.Scalar(connection, "SELECT count(*) FROM edges")!;
        }
        return Task.FromResult(new GraphStats(people, index.Nodes.Count - people, relationships));
    }

    // ---- credits, conflicts, co-stars ------------------------------------------------------------------------

    public Task<IReadOnlyList<Credit>> PersonCreditsAsync(string personId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var person = index.Node(personId, NodeKind.Person);
        if (person < 0) return Task.FromResult<IReadOnlyList<Credit>>([]);
        using var rows = readers.Rent();
        IReadOnlyList<Credit> credits = rows.From(index.Adjacency, person, types ?? RelationshipTypes.PersonToFilm, ct)
            .Where(e => e.Type != RelationshipType.ConflictedWith && e.Target < index.NodeCount)
            .Select(e => new Credit(index.Nodes.Person(person), index.Nodes.Film(e.Target), e.Type, e.Properties)).ToList();
        return Task.FromResult(credits);
    }

    public Task<Page<Credit>> PersonCreditsPageAsync(CreditsQuery query, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var person = index.Node(query.PersonId, NodeKind.Person);
        if (person < 0) return Task.FromResult(new Page<Credit>([], 0));
        // The index knows every credit's film and type, enough to filter, order and count them; only the page's
        // properties are read from the file.
        var who = index.Nodes.Person(person);
        var keys = new List<Credit>();
        foreach (var type in query.Types ?? RelationshipTypes.PersonToFilm)
        {
            if (type == RelationshipType.ConflictedWith) continue;
            index.Adjacency.Neighbours(Adjacency.Slot(type, Direction.Out), person, out var rows, out var recent);
            foreach (var film in rows) keys.Add(new Credit(who, index.Nodes.Film(film), type, RelationshipProperties.None));
            foreach (var film in recent) keys.Add(new Credit(who, index.Nodes.Film(film), type, RelationshipProperties.None));
        }
        var page = Traversal.CreditsPage(keys, query);
        using var edges = readers.Rent();
        var items = page.Items
            .Select(c => c with { Properties = edges.Properties(person, c.Type, index.Nodes.IndexOf(c.Film.Id), ct) ?? RelationshipProperties.None })
            .ToList();
        return Task.FromResult(page with { Items = items });
    }

    public Task<IReadOnlyList<Credit>> FilmCreditsAsync(string filmId, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var film = index.Node(filmId, NodeKind.Film);
        if (film < 0) return Task.FromResult<IReadOnlyList<Credit>>([]);
        using var rows = readers.Rent();
        return Task.FromResult(FilmCredits(index, rows, film, types, ct));
    }

    private static IReadOnlyList<Credit> FilmCredits(GraphIndex index, EdgeRows rows, int film, IReadOnlyCollection<RelationshipType>? types, CancellationToken ct) =>
        rows.To(film, ct)
            .Where(e => (types is null || types.Contains(e.Type)) && e.Source < index.NodeCount)
            .Select(e => new Credit(index.Nodes.Person(e.Source), index.Nodes.Film(film), e.Type, e.Properties)).ToList();

    public Task<IReadOnlyList<Conflict>> ConflictsAsync(string personId, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var person = index.Node(personId, NodeKind.Person);
        if (person < 0) return Task.FromResult<IReadOnlyList<Conflict>>([]);
        using var rows = readers.Rent();
        var outgoing = rows.From(index.Adjacency, person, [RelationshipType.ConflictedWith], ct).Select(e => (e, Other: e.Target, Out: true));
        var incoming = rows.To(person, ct).Where(e => e.Type == RelationshipType.ConflictedWith).Select(e => (e, Other: e.Source, Out: false));
        IReadOnlyList<Conflict> conflicts = outgoing.Concat(incoming)
            .Where(c => c.Other < index.NodeCount)
            .Select(c =>
            {
                var context = c.e.Properties.Context;
                var film = context is null ? -1 : index.Node(context, NodeKind.Film);
                return new Conflict(index.Nodes.Person(c.Other), c.Out, film >= 0 ? index.Nodes.Film(film) : null, context,
                    c.e.Properties.Description, c.e.Properties.Source);
            }).ToList();
        return Task.FromResult(conflicts);
    }

    public Task<IReadOnlyList<CoStar>> CoStarsAsync(string personId, int first, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var person = index.Node(personId, NodeKind.Person);
        if (person < 0) return Task.FromResult<IReadOnlyList<CoStar>>([]);
        IReadOnlyList<CoStar> coStars = GraphWalks.CoStars(index, person, first, ct)
            .Select(c => new CoStar(index.Nodes.Person(c.Person), c.Films.Select(index.Nodes.Film).ToList())).ToList();
        return Task.FromResult(coStars);
    }

    public Task<int> CoStarCountAsync(string personId, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var person = index.Node(personId, NodeKind.Person);
        return Task.FromResult(person < 0 ? 0 : GraphWalks.CoStarCount(index, person, ct));
    }

    public Task<IReadOnlyList<KnownCredit>> KnownForAsync(IReadOnlyCollection<string> personIds, int first, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<KnownCredit>>(KnownFilms.Of(Readable.Index, personIds, first, ct));

    public Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(IReadOnlyCollection<string> filmIds, int first, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<KnownPerson>>(KnownFilms.People(Readable.Index, filmIds, first, ct));

    // ---- chains and walks ------------------------------------------------------------------------------------

    public Task<IReadOnlyList<Chain>> ShortestChainsAsync(ChainQuery query, int first, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var (from, to) = index.Node(query.From, query.To, NodeKind.Person);
        if (from < 0 || to < 0) return Task.FromResult<IReadOnlyList<Chain>>([]);
        List<int[]> paths;
        using (var finder = new ChainFinder(index, query, ct, _options.ChainCompletionBudget)) paths = finder.Paths(from, to, first);
        if (paths.Count == 0) return Task.FromResult<IReadOnlyList<Chain>>([]);
        using var roles = new ChainTables.RoleReader(index, readers);
        var via = query.Via.Count == 1 ? [query.Via[0]] : query.Via.Distinct().Order().ToArray();
        var chains = new Chain[paths.Count];
        for (var i = 0; i < chains.Length; i++)
        {
            index.Nodes.Touch(paths[i]);
            chains[i] = ToChain(index, roles, paths[i], via, query);
        }
        return Task.FromResult<IReadOnlyList<Chain>>(chains);
    }

    public Task<int?> SeparationAsync(ChainQuery query, CancellationToken ct = default) =>
        Task.FromResult(Between(query, ct, static (finder, from, to) => finder.Distance(from, to)));

    /// <summary>Counted over the searches' layers without listing a chain; saturates at <see cref="long.MaxValue"/>.</summary>
    public Task<long?> ChainCountAsync(ChainQuery query, CancellationToken ct = default) =>
        Task.FromResult(Between(query, ct, static (finder, from, to) => finder.Count(from, to)));

    /// <summary>A search between the query's two people; null when either is not a person here.</summary>
    private T? Between<T>(ChainQuery query, CancellationToken ct, Func<ChainFinder, int, int, T?> search) where T : struct
    {
        var index = Readable.Index;
        var (from, to) = index.Node(query.From, query.To, NodeKind.Person);
        if (from < 0 || to < 0) return null;
        using var finder = new ChainFinder(index, query, ct);
        return search(finder, from, to);
    }

    /// <param name="via">The types walked, distinct and in enum order: a link reports the first that joins its two ends.</param>
    /// <param name="query">Whose ids name the chain's ends, as found: they are not read again.</param>
    private static Chain ToChain(GraphIndex index, ChainTables.RoleReader rows, int[] path, RelationshipType[] via, ChainQuery query)
    {
        // The links' roles are read together, their waits for memory overlapping those of the nodes' touch just before.
        rows.Read(path, via);
        var links = new ChainLink[path.Length / 2];
        // Each person but the ends sits in two links: made once, and read from the table once.
        var from = index.Nodes.Person(path[0], query.From);
        for (var i = 0; i + 2 < path.Length; i += 2)
        {
            int fromNode = path[i], film = path[i + 1], toNode = path[i + 2];
            var fromType = LinkType(fromNode, film);
            var toType = LinkType(toNode, film);
            var to = i + 3 == path.Length ? index.Nodes.Person(toNode, query.To) : index.Nodes.Person(toNode);
            links[i / 2] = new ChainLink(from, index.Nodes.Film(film), to,
                fromType, rows.StepRole(i, fromNode, fromType, film),
                toType, rows.StepRole(i + 1, toNode, toType, film));
            from = to;
        }
        return new Chain(links);

        RelationshipType LinkType(int person, int film)
        {
            // The walk stepped only along the via types, so with one there is nothing to look up.
            if (via.Length == 1) return via[0];
            foreach (var type in via)
                if (index.Adjacency.HasEdge(type, person, film)) return type;
            throw new InvalidOperationException($"No {string.Join('|', via)} link joins node {person} and film {film} on a chain.");
        }
    }

    public Task<Reach> ReachAsync(ReachQuery query, CancellationToken ct = default)
    {
        var index = Readable.Index;
        var person = index.Node(query.Id, NodeKind.Person);
        return Task.FromResult(new Reach(query.Id, person < 0 ? [] : GraphWalks.Reach(index, person, query, ct)));
    }

    public Task<IReadOnlyList<Centre>> CentresAsync(IReadOnlyList<RelationshipType> via, int first, CancellationToken ct = default) =>
        Task.FromResult(Centres.Centres(via, first));

    public Task<CentresStatus> CentresStatusAsync(IReadOnlyList<RelationshipType> via, CancellationToken ct = default) =>
        Task.FromResult(Centres.Status(via));

    public Task<CentresStatus> ComputeCentresAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct = default) =>
        Centres.ComputeAsync(via, progress, ct);

    /// <summary>Why the centres file beside the store was ignored or not written, when it was.</summary>
    public string? CentresProblem => _centres?.Problem;

    /// <summary>How many candidates the last centres computation ruled out early, for the benchmark.</summary>
    public int? LastCentresPruned => _centres?.LastPruned;

    private CentresKeeper Centres => Readable is not null && _centres is { } keeper ? keeper : throw new InvalidOperationException("This store has no index.");

    public Task<Subgraph> NeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var start = index.Nodes.IndexOf(query.Id);
        if (start < 0) return Task.FromResult(new Subgraph([], [], false));
        var (included, edges, truncated) = GraphWalks.Neighbourhood(index, start, query, ct);
        var nodes = index.Nodes;

        // Roles from memory where the index holds them, as a chain's are, else one key each from the file.
        using var roles = new ChainTables.RoleReader(index, readers);
        var subgraphEdges = new List<SubgraphEdge>(edges.Count);
        foreach (var e in edges)
        {
            if ((subgraphEdges.Count & 255) == 0) ct.ThrowIfCancellationRequested();
            subgraphEdges.Add(new SubgraphEdge(e.Type, nodes.Id(e.Source), nodes.Id(e.Target), roles.Role(e.Source, e.Type, e.Target)));
        }
        var subgraph = new Subgraph(
            included.Select(n => new SubgraphNode(nodes.Id(n.Node), nodes.Kind(n.Node), nodes.Label(n.Node), nodes.Year(n.Node), n.Distance)).ToList(),
            subgraphEdges, truncated);
        return Task.FromResult(subgraph);
    }

    // ---- replacements ----------------------------------------------------------------------------------------

    public Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? filmId, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        IEnumerable<int> films;
        if (filmId is not null) films = index.Node(filmId, NodeKind.Film) is var film and >= 0 ? [film] : [];
        else films = Enumerable.Range(0, index.NodeCount).Where(n => HasDrops(index, n));
        return Task.FromResult(Replacements(index, readers, films, ct));
    }

    public Task<IReadOnlyList<Replacement>> ReplacementsOfPersonAsync(string personId, CancellationToken ct = default)
    {
        var (index, readers) = Readable;
        var person = index.Node(personId, NodeKind.Person);
        if (person < 0) return Task.FromResult<IReadOnlyList<Replacement>>([]);
        var films = new SortedSet<int>();
        foreach (var type in (ReadOnlySpan<RelationshipType>)[RelationshipType.DroppedFrom, RelationshipType.CastIn])
        {
            index.Adjacency.Neighbours(Adjacency.Slot(type, Direction.Out), person, out var rows, out var recent);
            foreach (var film in (int[])[.. rows, .. recent]) if (HasDrops(index, film)) films.Add(film);
        }
        return Task.FromResult(Replacements(index, readers, films, ct));
    }

    private static bool HasDrops(GraphIndex index, int node) =>
        index.Nodes.Kind(node) == NodeKind.Film && index.Adjacency.Degree(Adjacency.Slot(RelationshipType.DroppedFrom, Direction.In), node) > 0;

    private static IReadOnlyList<Replacement> Replacements(GraphIndex index, EdgeRows.Pool readers, IEnumerable<int> films, CancellationToken ct)
    {
        using var rows = readers.Rent();
        return films
            .SelectMany(film => Traversal.Replacements(FilmCredits(index, rows, film, [RelationshipType.CastIn, RelationshipType.DroppedFrom], ct)))
            .ToList();
    }

    // ---- faults ----------------------------------------------------------------------------------------------

    public GraphStoreException? Fault(Exception error) => error switch
    {
        SqliteException or IOException or UnauthorizedAccessException =>
            new GraphStoreException($"The store file {Path.GetFullPath(_options.Path)} cannot be used: {error.Message}", error),
        ObjectDisposedException when _disposed => new GraphStoreException("The store is closed.", error),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _centres?.Dispose();
        if (_poll is not null) await _poll.DisposeAsync().ConfigureAwait(false);
        _watch?.Dispose();
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _bulk?.Dispose();
            _snapshots?.Dispose();
            // The next process starts from what this one knew, rather than building it again from the file.
            if (_fault is null && _snapshots is not null && _opened.Index.Names is not null && !_snapshots.IsCurrent(_opened.Index, _identity))
                _snapshots.Save(_opened.Index, _identity);
            if (_fault is null) CloseFile();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
