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
    private long _totalBytes;

    public void Start(long totalBytes) => _totalBytes = totalBytes;

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

    public void Progress(long bytesDone)
    {
        if (options.Progress is null) return;
        long records;
        long relationships;
        lock (_lock)
        {
            _bytesDone = Math.Max(_bytesDone, bytesDone);
            records = _read.Sum();
            relationships = _written.Relationships.Total;
        }
        options.Progress.Report(new ImportProgress(_bytesDone, _totalBytes, records, relationships, _clock.Elapsed));
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
