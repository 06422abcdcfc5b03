using System.Runtime.CompilerServices;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Centres;

/// <summary>
/// The embedded store's centres: the last computed per via set, served from memory; loaded from
/// <see cref="CentresFile"/> when the store opens; judged current or stale by the fingerprint of the relationships
/// they were computed on; and computed again in the background, for the configured via set, once the graph has been
/// quiet for a while (so an import through the API does not restart the computation at every batch). One
/// computation runs at a time, on every core, at the lowest thread priority the platform gives.
/// </summary>
internal sealed class CentresKeeper : IDisposable
{
    private readonly EmbeddedStoreOptions _options;
    private readonly Func<GraphIndex> _current;
    private readonly Func<string> _identity;
    private readonly string _path;
    private readonly IReadOnlyList<RelationshipType> _backgroundVia;
    private readonly Dictionary<int, CentresFile.Section> _served = [];
    private readonly ConditionalWeakTable<GraphIndex, Dictionary<int, ulong>> _fingerprints = [];
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Timer? _tick;
    private GraphIndex? _lastSeen;
    private GraphIndex? _failedOn;
    private string? _loadedFor;
    private DateTime _lastChange = DateTime.UtcNow;
    private Task _background = Task.CompletedTask;
    private (int Mask, int Candidates, int Done)? _running;

    public CentresKeeper(EmbeddedStoreOptions options, Func<GraphIndex> current, Func<string> identity)
    {
        (_options, _current, _identity) = (options, current, identity);
        _path = CentresFile.PathOf(Path.GetFullPath(options.Path));
        _backgroundVia = ParseVia(options.CentresVia);
        Load();
        if (options.CentresInBackground)
            _tick = new Timer(_ => Tick(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    /// <summary>Why the centres file was ignored or could not be written, if it was; for health output and tests.</summary>
    public string? Problem { get; private set; }

    /// <summary>How many candidates the last computation ruled out before finishing their searches.</summary>
    public int? LastPruned { get; private set; }

    public static IReadOnlyList<RelationshipType> ParseVia(string names)
    {
        var types = new List<RelationshipType>();
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RelationshipTypes.TryParse(name, out var type))
                throw new ArgumentException($"FilmGraph:Embedded:CentresVia names '{name}', which is not one of {RelationshipTypes.NameList}.");
            types.Add(type);
        }
        return Traversal.CentresVia(types.Count == 0 ? [RelationshipType.CastIn] : types);
    }

    private static int Mask(IReadOnlyList<RelationshipType> via) => via.Aggregate(0, (m, t) => m | 1 << (int)t);

    /// <summary>The kept centres of the via set, best first, the first <paramref name="first"/> of those still people here.</summary>
    public IReadOnlyList<Centre> Centres(IReadOnlyList<RelationshipType> via, int first)
    {
        var index = _current();
        Follow();
        CentresFile.Section? section;
        lock (_served) _served.TryGetValue(Mask(via), out section);
        if (section is null) return [];
        var centres = new List<Centre>(Math.Min(first, section.Best.Count));
        foreach (var (id, total, reach) in section.Best)
        {
            if (centres.Count == first) break;
            var node = index.Node(id, NodeKind.Person);
            if (node >= 0) centres.Add(new Centre(index.Nodes.Person(node), total, reach));
        }
        return centres;
    }

    public CentresStatus Status(IReadOnlyList<RelationshipType> via)
    {
        Follow();
        var mask = Mask(via);
        CentresFile.Section? section;
        (int Mask, int Candidates, int Done)? running;
        lock (_served)
        {
            _served.TryGetValue(mask, out section);
            running = _running;
        }
        if (running is { } r && r.Mask == mask)
            return new CentresStatus(CentresState.Computing, section?.ComputedAt, r.Candidates, r.Done, via);
        if (section is null) return new CentresStatus(CentresState.Missing, null, 0, 0, via);
        var state = section.Fingerprint == Fingerprint(_current(), via) ? CentresState.Current : CentresState.Stale;
        return new CentresStatus(state, section.ComputedAt, section.Candidates, section.Candidates, via);
    }

    /// <summary>Computes the centres of the via set now (waiting for one already running), keeps and persists them.</summary>
    public async Task<CentresStatus> ComputeAsync(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        await _one.WaitAsync(both.Token).ConfigureAwait(false);
        try
        {
            await Task.Factory.StartNew(() => Compute(via, progress, both.Token), both.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
        return Status(via);
    }

    private void Compute(IReadOnlyList<RelationshipType> via, IProgress<CentresStatus>? progress, CancellationToken ct)
    {
        var thread = Thread.CurrentThread;
        var priority = thread.Priority;
        thread.Priority = ThreadPriority.Lowest;
        var mask = Mask(via);
        try
        {
            var index = _current();
            var graph = CentreRows.Build(index, via, ct);
            var fingerprint = Fingerprint(index, via);
            var candidates = Math.Min(_options.CentreCandidates, graph.People);
            Report(0);
            var outcome = CentreSearch.Run(graph, _options.CentreCandidates, Math.Max(1, _options.CentresKept),
                Math.Max(1, _options.CentreThreads), _options.CentresPruned, Report, ct);
            LastPruned = outcome.Pruned;
            var section = new CentresFile.Section(mask, fingerprint, DateTimeOffset.UtcNow, outcome.Candidates,
                [.. outcome.Best.Select(b => (graph.PersonId(b.Person), b.TotalDistance, b.ReachCount))]);
            CentresFile.Section[] all;
            Follow();
            lock (_served)
            {
                _served[mask] = section;
                all = [.. _served.Values];
            }
            try
            {
                CentresFile.Write(_path, _identity(), all);
                Problem = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Served from memory all the same; the next opening computes them again.
                Problem = $"Centres could not be written to {_path}: {e.Message}";
            }

            void Report(int done)
            {
                lock (_served) _running = (mask, candidates, Math.Min(done, candidates));
                progress?.Report(new CentresStatus(CentresState.Computing, null, candidates, Math.Min(done, candidates), via));
            }
        }
        finally
        {
            lock (_served) _running = null;
            thread.Priority = priority;
        }
    }

    private ulong Fingerprint(GraphIndex index, IReadOnlyList<RelationshipType> via)
    {
        var known = _fingerprints.GetValue(index, _ => []);
        var mask = Mask(via);
        lock (known)
        {
            if (!known.TryGetValue(mask, out var fingerprint)) known[mask] = fingerprint = CentreRows.Fingerprint(index, via);
            return fingerprint;
        }
    }

    private void Load()
    {
        var identity = _identity();
        var sections = CentresFile.Read(_path, identity, out var problem);
        Problem = problem;
        lock (_served)
        {
            _served.Clear();
            _loadedFor = identity;
            foreach (var s in sections ?? []) _served[s.ViaMask] = s;
        }
    }

    /// <summary>Another store now at the path (the file was replaced): what was kept belonged to the old one.</summary>
    private void Follow()
    {
        if (_identity() != _loadedFor) Load();
    }

    /// <summary>Once a second: note a new index version, and start the background computation when it is due.</summary>
    private void Tick()
    {
        try
        {
            if (_stop.IsCancellationRequested || !_background.IsCompleted) return;
            var index = _current();
            if (_background.IsFaulted)
            {
                // Not tried again on the same graph: a failure that repeats would otherwise run every second.
                Problem = $"Computing centres failed: {_background.Exception!.GetBaseException().Message}";
                _failedOn = _lastSeen;
                _background = Task.CompletedTask;
            }
            if (ReferenceEquals(index, _failedOn)) return;
            if (!ReferenceEquals(index, _lastSeen))
            {
                _lastSeen = index;
                _lastChange = DateTime.UtcNow;
            }
            if (DateTime.UtcNow - _lastChange < _options.CentresQuietPeriod) return;
            if (Status(_backgroundVia).State is CentresState.Current or CentresState.Computing) return;
            _background = ComputeAsync(_backgroundVia, null, _stop.Token);
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or GraphStoreException)
        {
            // The store is closing or cannot be read right now; the next tick looks again.
        }
    }

    public void Dispose()
    {
        _tick?.Dispose();
        _stop.Cancel();
        try
        {
            _background.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Cancelled or failed: either way there is nothing left to keep.
        }
        _stop.Dispose();
    }
}
