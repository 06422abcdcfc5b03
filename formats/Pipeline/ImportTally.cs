using System.Diagnostics;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>The running count of one import, shared by the reading and the writing side.</summary>
internal sealed class ImportTally(ImportOptions options)
{
    private const int Examples = 3;

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _read = new long[3];
    private readonly long[] _rejected = new long[3];
    private long _unreadable;
    private readonly Dictionary<(RecordKind, string), (long Count, List<string> Examples)> _skipped = [];
    private readonly Dictionary<(RecordKind, string), (long Count, List<string> Examples)> _adjusted = [];
    private readonly List<ImportError> _errors = [];
    private int _listedRejects;
    private bool _stopped;
    private WriteSummary _written = WriteSummary.Zero;
    private long _bytesDone;
    private readonly long[] _passBytes = new long[2];
    private ImportPhase _phase;
    private TimeSpan _phaseStarted;

    // How far the pass was at moments of the last RateWindow: the pace of the pass as it is now. A pass is not
    // even: the second pass over a JSON Lines file steps over its node lines fast, then writes relationships slowly.
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RateMinimum = TimeSpan.FromSeconds(2);
    private readonly Queue<(TimeSpan At, long Bytes)> _samples = new();

    /// <summary>The bytes each phase reads: a file read in both phases is in both.</summary>
    public void Start(long nodeBytes, long relationshipBytes)
    {
        _passBytes[(int)ImportPhase.Nodes] = nodeBytes;
        _passBytes[(int)ImportPhase.Relationships] = relationshipBytes;
    }

    /// <summary>
    /// The reading side begins a phase. Progress from the writing side about the batches of the phase before is
    /// still counted (bytes only ever go forward), but the pass and its clock are the new phase's from here.
    /// </summary>
    public void BeginPhase(ImportPhase phase, long bytesBefore)
    {
        lock (_lock)
        {
            _phase = phase;
            _phaseStarted = _clock.Elapsed;
            _bytesDone = Math.Max(_bytesDone, bytesBefore);
            _samples.Clear();
        }
    }

    public void Read(RecordKind kind) => Interlocked.Increment(ref _read[(int)kind]);

    public void Reject(RecordKind? kind, in Origin origin, string path, string message, bool countRead)
    {
        var error = new ImportError(origin.File, origin.Line, path, message);
        lock (_lock)
        {
            if (kind is { } k)
            {
                if (countRead) Interlocked.Increment(ref _read[(int)k]);
                _rejected[(int)k]++;
            }
            else _unreadable++;
            if (_listedRejects++ < ImportReport.ListedRejects) _errors.Add(error);
            WriteReject(error, origin.Text);
        }
    }

    public void Skip(RecordKind kind, string reason, in Origin origin, bool rejectsFile)
    {
        lock (_lock)
        {
            Note(_skipped, kind, reason, origin);
            if (rejectsFile) WriteReject(new ImportError(origin.File, origin.Line, "", reason), origin.Text);
        }
    }

    public void Adjust(RecordKind kind, string reason, in Origin origin)
    {
        lock (_lock) Note(_adjusted, kind, reason, origin);
    }

    public void Stop(ImportError error)
    {
        lock (_lock)
        {
            _stopped = true;
            _errors.Add(error);
        }
    }

    public void Written(WriteSummary summary, long bytesDone)
    {
        lock (_lock) _written = _written.Add(summary);
        Progress(bytesDone);
    }

    /// <summary><paramref name="bytesDone"/>: bytes read over all phases so far, those of the phases before included.</summary>
    public void Progress(long bytesDone)
    {
        if (options.Progress is null) return;
        ImportProgress progress;
        lock (_lock)
        {
            _bytesDone = Math.Max(_bytesDone, bytesDone);
            var phase = (int)_phase;
            // A phase with nothing to read (CSV with node files only) is no pass of its own: the other one goes on showing.
            if (_passBytes[phase] == 0 && _passBytes[1 - phase] > 0) phase = 1 - phase;
            var before = phase == 0 ? 0 : _passBytes[0];
            var total = _passBytes[phase];
            var passes = _passBytes.Count(b => b > 0);
            var pass = phase == 0 || _passBytes[0] == 0 ? 1 : Math.Min(2, passes);
            var elapsed = _clock.Elapsed;
            var done = Math.Clamp(_bytesDone - before, 0, total);
            progress = new ImportProgress(pass, Math.Max(1, passes), phase == (int)ImportPhase.Relationships,
                done, total, _read.Sum(), _written.Relationships.Total, elapsed, Pace(elapsed, done));
        }
        options.Progress.Report(progress);
    }

    /// <summary>Bytes a second over the last <see cref="RateWindow"/> of the pass; 0 until it has run for <see cref="RateMinimum"/>.</summary>
    private double Pace(TimeSpan now, long done)
    {
        _samples.Enqueue((now, done));
        while (_samples.Count > 2 && now - _samples.Peek().At > RateWindow) _samples.Dequeue();
        var (since, from) = _samples.Peek();
        var span = now - since;
        return now - _phaseStarted < RateMinimum || span <= TimeSpan.Zero ? 0 : (done - from) / span.TotalSeconds;
    }

    public ImportReport Report(bool dryRun)
    {
        lock (_lock)
        {
            return new ImportReport(_written, [.. _errors], Applied: !dryRun && _written != WriteSummary.Zero)
            {
                Records = new GraphStats(_read[0], _read[1], _read[2]),
                Rejected = new GraphStats(_rejected[0], _rejected[1], _rejected[2]),
                Unreadable = _unreadable,
                Skipped = Counts(_skipped),
                Adjusted = Counts(_adjusted),
                Stopped = _stopped,
            };
        }
    }

    private static List<SkipCount> Counts(Dictionary<(RecordKind Kind, string Reason), (long Count, List<string> Examples)> notes) =>
        [.. notes.OrderBy(n => n.Key.Kind).ThenByDescending(n => n.Value.Count).ThenBy(n => n.Key.Reason, StringComparer.Ordinal)
            .Select(n => new SkipCount(n.Key.Kind, n.Key.Reason, n.Value.Count, n.Value.Examples))];

    private static void Note(Dictionary<(RecordKind, string), (long Count, List<string> Examples)> notes, RecordKind kind, string reason, in Origin origin)
    {
        var key = (kind, reason);
        var (count, examples) = notes.TryGetValue(key, out var found) ? found : (0, []);
        if (examples.Count < Examples) examples.Add(origin.ToString());
        notes[key] = (count + 1, examples);
    }

    private void WriteReject(ImportError error, string? text)
    {
        if (options.Rejects is not { } rejects) return;
        rejects.Write("# ");
        rejects.WriteLine(error.ToString());
        if (text is not null) rejects.WriteLine(text);
    }
}
