using System.Diagnostics;
using System.Runtime.InteropServices;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Where readers put what they read: records gather into batches of the configured size, handed on whole; records
/// left out are counted by reason, rejected ones listed. A record the batch already holds under the same key is
/// skipped when identical and rejected when not (a later batch simply upserts it again).
/// </summary>
internal sealed class RecordSink(ImportOptions options, ImportTally tally, Action<PendingBatch> emit, Func<PendingBatch?> reuse)
{
    private static readonly long ProgressTicks = Stopwatch.Frequency;

    private PendingBatch _batch = new();
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _films = new(StringComparer.Ordinal);
    private readonly Dictionary<(RelationshipType, string, string), int> _relationships = [];

    // Films the batch holds relationships to: where the run of a title's credits (Credits) lies among the batch's
    // relationships, not yet keyed; or no run (Count 0) once they are keyed in _relationships one by one.
    private readonly Dictionary<string, (int Start, int Count)> _relationshipFilms = new(StringComparer.Ordinal);
    private long _phaseStart;
    private long _bytesDone;
    private long _lastProgress = Stopwatch.GetTimestamp();

    /// <summary>Whether readers should keep each record's original text (for the rejects file).</summary>
    public bool KeepsText => options.Rejects is not null;

    public ImportOptions Options => options;

    public void BeginPhase(long bytesBefore) => _phaseStart = _bytesDone = bytesBefore;

    /// <summary>How far into the current phase's bytes reading has gone.</summary>
    public void At(long bytesIntoPhase)
    {
        _bytesDone = _phaseStart + bytesIntoPhase;
        var now = Stopwatch.GetTimestamp();
        if (now - _lastProgress < ProgressTicks) return;
        _lastProgress = now;
        tally.Progress(_bytesDone);
    }

    public void Person(Person person, in Origin origin) =>
        Add(RecordKind.Person, person, person.Id, _people, _batch.People, _batch.PeopleFrom, origin, static p => $"person id '{p.Id}'");

    public void Film(Film film, in Origin origin) =>
        Add(RecordKind.Film, film, film.Id, _films, _batch.Films, _batch.FilmsFrom, origin, static f => $"film id '{f.Id}'");

    public void Relationship(Relationship relationship, in Origin origin)
    {
        ref var run = ref CollectionsMarshal.GetValueRefOrAddDefault(_relationshipFilms, relationship.To, out _);
        if (run.Count > 0)
        {
            var records = _batch.Relationships;
            for (var i = run.Start; i < run.Start + run.Count; i++) _relationships.Add(KeyOf(records[i]), i);
            run = default;
        }
        Add(RecordKind.Relationship, relationship, KeyOf(relationship), _relationships,
            _batch.Relationships, _batch.RelationshipsFrom, origin,
            static r => $"{r.Type.Name()} relationship '{r.From}' -> '{r.To}'");
    }

    private static (RelationshipType, string, string) KeyOf(Relationship r) => (r.Type, r.From, r.To);

    /// <summary>
    /// A title's credits, all to one film and distinct among themselves (no two of one type and person). While the
    /// batch holds no other relationship to the film, none of them can be a duplicate, so they are taken without a key
    /// each: the batch notes where they lie, and keys them only if another relationship to the film comes. A title
    /// then costs one lookup instead of one per credit. They are counted and batched as <see cref="Relationship"/> does.
    /// </summary>
    public void Credits(ReadOnlySpan<(Relationship Relationship, Origin Origin)> credits)
    {
        var i = 0;
        while (i < credits.Length)
        {
            var film = credits[i].Relationship.To;
            if (_relationshipFilms.ContainsKey(film))
            {
                for (; i < credits.Length; i++) Relationship(credits[i].Relationship, credits[i].Origin);
                return;
            }
            var (batch, start) = (_batch, _batch.Relationships.Count);
            while (i < credits.Length)
            {
                var (relationship, origin) = credits[i++];
                tally.Read(RecordKind.Relationship);
                if (Append(relationship, batch.Relationships, batch.RelationshipsFrom, origin)) break;
            }
            // A batch handed on takes its run with it; the rest of the credits start the next batch's.
            if (ReferenceEquals(batch, _batch)) _relationshipFilms[film] = (start, batch.Relationships.Count - start);
        }
    }

    /// <summary>A person, film or relationship, as the JSON record reader hands them back.</summary>
    public void Record(object record, in Origin origin)
    {
        switch (record)
        {
            case Person person: Person(person, origin); break;
            case Film film: Film(film, origin); break;
            case Relationship relationship: Relationship(relationship, origin); break;
            default: throw new ArgumentException($"No record: {record.GetType().Name}.", nameof(record));
        }
    }

    private void Add<TKey, T>(RecordKind kind, T record, TKey key, Dictionary<TKey, int> seen, List<T> records, List<Origin> origins,
        in Origin origin, Func<T, string> what) where TKey : notnull
    {
        tally.Read(kind);
        if (seen.TryGetValue(key, out var i))
        {
            Duplicate(kind, Equals(records[i], record), origins[i], origin, what(record));
            return;
        }
        seen.Add(key, records.Count);
        Append(record, records, origins, origin);
    }

    /// <summary>Adds a record to the batch, handing the batch on when it is full; returns whether it did.</summary>
    private bool Append<T>(T record, List<T> records, List<Origin> origins, in Origin origin)
    {
        records.Add(record);
        origins.Add(origin);
        if (_batch.Count < options.BatchSize) return false;
        Flush();
        return true;
    }

    /// <summary>A record of a known kind the reader cannot take; <paramref name="kind"/> null when not even its kind is known.</summary>
    public void Reject(RecordKind? kind, in Origin origin, string path, string message)
    {
        tally.Reject(kind, origin, path, message, countRead: true);
    }

    /// <summary>A record left out on purpose. <paramref name="rejectsFile"/>: whether it also goes to the rejects file.</summary>
    public void Skip(RecordKind kind, string reason, in Origin origin, bool rejectsFile = false)
    {
        tally.Read(kind);
        tally.Skip(kind, reason, origin, rejectsFile);
    }

    /// <summary>A value left out of a record that is kept.</summary>
    public void Adjust(RecordKind kind, string reason, in Origin origin) => tally.Adjust(kind, reason, origin);

    /// <summary>Hands on what the batch holds; the end of each phase calls it so that no batch mixes phases.</summary>
    public void Flush()
    {
        if (_batch.Count == 0) return;
        _batch.BytesDone = _bytesDone;
        var full = _batch;
        _batch = reuse() ?? new PendingBatch();
        _people.Clear();
        _films.Clear();
        _relationships.Clear();
        _relationshipFilms.Clear();
        emit(full);
    }

    private void Duplicate(RecordKind kind, bool same, in Origin earlier, in Origin origin, string what)
    {
        if (same)
        {
            tally.Skip(kind, "the same record again", origin, rejectsFile: false);
            return;
        }
        var where = earlier.File == origin.File ? $"line {earlier.Line}" : earlier.ToString();
        tally.Reject(kind, origin, "", $"duplicate {what} with different data than {where}.", countRead: false);
    }
}
