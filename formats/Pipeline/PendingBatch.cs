using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>The records of one batch, each with where it came from, in the order read.</summary>
internal sealed class PendingBatch
{
    public List<Person> People { get; private set; } = [];
    public List<Origin> PeopleFrom { get; private set; } = [];
    public List<Film> Films { get; private set; } = [];
    public List<Origin> FilmsFrom { get; private set; } = [];
    public List<Relationship> Relationships { get; private set; } = [];
    public List<Origin> RelationshipsFrom { get; private set; } = [];

    /// <summary>How far reading had gone when the batch was closed.</summary>
    public long BytesDone { get; set; }

    public int Count => People.Count + Films.Count + Relationships.Count;

    public GraphBatch ToGraphBatch() => new(People, Films, Relationships);

    /// <summary>Empties the batch for reuse: its lists keep their room, so a new batch allocates nothing large.</summary>
    public PendingBatch Cleared()
    {
        People.Clear();
        PeopleFrom.Clear();
        Films.Clear();
        FilmsFrom.Clear();
        Relationships.Clear();
        RelationshipsFrom.Clear();
        BytesDone = 0;
        return this;
    }

    /// <summary>
    /// Rejects the records the store's problems point at and keeps the rest. False when no problem points at a record,
    /// so that trying again could not help.
    /// </summary>
    public bool Reject(IReadOnlyList<WriteProblem> problems, ImportTally tally)
    {
        var people = new Dictionary<int, (string Path, string Message)>();
        var films = new Dictionary<int, (string Path, string Message)>();
        var relationships = new Dictionary<int, (string Path, string Message)>();
        foreach (var problem in problems)
        {
            var faults = problem.List switch { "people" => people, "films" => films, "relationships" => relationships, _ => null };
            if (faults is null || problem.Index is not int index) continue;
            var field = problem.Field ?? "";
            faults[index] = faults.TryGetValue(index, out var earlier)
                ? (earlier.Path, $"{earlier.Message.TrimEnd('.')}; {(field.Length == 0 ? "" : field + ": ")}{problem.Message}")
                : (field, problem.Message);
        }
        if (people.Count + films.Count + relationships.Count == 0) return false;
        (People, PeopleFrom) = Keep(People, PeopleFrom, people, RecordKind.Person, tally);
        (Films, FilmsFrom) = Keep(Films, FilmsFrom, films, RecordKind.Film, tally);
        (Relationships, RelationshipsFrom) = Keep(Relationships, RelationshipsFrom, relationships, RecordKind.Relationship, tally);
        return true;
    }

    private static (List<T>, List<Origin>) Keep<T>(List<T> records, List<Origin> origins, Dictionary<int, (string Path, string Message)> faults, RecordKind kind, ImportTally tally)
    {
        if (faults.Count == 0) return (records, origins);
        var kept = new List<T>(records.Count - faults.Count);
        var keptFrom = new List<Origin>(records.Count - faults.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (faults.TryGetValue(i, out var fault))
            {
                tally.Reject(kind, origins[i], fault.Path, fault.Message, countRead: false);
                continue;
            }
            kept.Add(records[i]);
            keptFrom.Add(origins[i]);
        }
        return (kept, keptFrom);
    }
}
