namespace FilmGraph.Core;

/// <summary>
/// The checks every store makes before writing a batch. Each problem names its record by list
/// and index in the batch, and the value by field ("to", "source.quote"); the importer maps them back to file and line.
/// </summary>
public static class BatchValidator
{
    /// <summary>A record's position, and the value in it a problem is about.</summary>
    private readonly record struct At(string List, int Index, string? Field = null)
    {
        public At this[string field] => this with { Field = Field is null ? field : $"{Field}.{field}" };
        public WriteProblem Problem(string message) => new(List, Index, Field, message);
    }

    public const int MaxIdLength = 200;
    public const int MaxTextLength = 2000;
    public const int MinYear = 1800;
    public const int MaxYear = 2200;

    /// <param name="storedKind">The kind of an already stored node with this id, or null when there is none.</param>
    public static IReadOnlyList<WriteProblem> Validate(GraphBatch batch, Func<string, NodeKind?> storedKind) => Validate(batch, storedKind, null);

    /// <param name="storedKind">The kind of an already stored node with this id, or null when there is none.</param>
    /// <param name="storedEnds">
    /// The stored kinds of relationship i's two ends (as <paramref name="storedKind"/> would give them), for a store that
    /// has looked them up already to write the batch: at millions of relationships each lookup is a cache miss or two.
    /// </param>
    /// <param name="storedPair">
    /// For a store that numbers its nodes: a key of relationship i made of its type and its two stored ends' numbers,
    /// the same for the same three and different otherwise, or -1 when an end is not stored. Records are then told
    /// apart by that number, not by hashing two ids each.
    /// </param>
    public static IReadOnlyList<WriteProblem> Validate(GraphBatch batch, Func<string, NodeKind?> storedKind, Func<int, (NodeKind? From, NodeKind? To)>? storedEnds,
        Func<int, long>? storedPair = null)
    {
        var seen = _seen ?? new Seen();
        _seen = null;
        try
        {
            return Validate(batch, storedKind, storedEnds, storedPair, seen);
        }
        finally
        {
            if (seen.Clear()) _seen = seen;
        }
    }

    /// <summary>
    /// What one check has seen so far, kept by its thread for the next check: an import checks batch after batch of
    /// 50,000 records, and new dictionaries for each were a large-object allocation a batch (about 230 MiB at L), which
    /// counts towards the full collections.
    /// </summary>
    private sealed class Seen
    {
        // A batch much larger than an import's (a write through the API has no batch size) leaves them to the collector.
        private const int KeptRecords = 100_000;

        public readonly Dictionary<string, NodeKind> Kinds = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Person> People = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Film> Films = new(StringComparer.Ordinal);
        public readonly Dictionary<(RelationshipType, string, string), Relationship> Relationships = [];
        public readonly Dictionary<long, Relationship> StoredPairs = [];

        /// <summary>Empties them all; false when they grew too large to keep.</summary>
        public bool Clear()
        {
            var kept = Kinds.Count + People.Count + Films.Count + Relationships.Count + StoredPairs.Count <= KeptRecords;
            Kinds.Clear();
            People.Clear();
            Films.Clear();
            Relationships.Clear();
            StoredPairs.Clear();
            return kept;
        }
    }

    [ThreadStatic]
    private static Seen? _seen;

    private static IReadOnlyList<WriteProblem> Validate(GraphBatch batch, Func<string, NodeKind?> storedKind,
        Func<int, (NodeKind? From, NodeKind? To)>? storedEnds, Func<int, long>? storedPair, Seen seen)
    {
        var problems = new List<WriteProblem>();
        var batchKinds = seen.Kinds;

        var people = seen.People;
        for (var i = 0; i < batch.People.Count; i++)
        {
            var p = batch.People[i];
            var place = new At("people", i);
            if (!CheckId(problems, place, p.Id)) continue;
            CheckText(problems, place["name"], p.Name, required: true);
            CheckYear(problems, place["born"], p.Born);
            foreach (var alias in p.Aliases) CheckText(problems, place["aliases"], alias, required: true);
            if (IsConflictingDuplicate(p.Id, p, people)) problems.Add(Duplicate(place, "person", p.Id));
            CheckKind(problems, place, p.Id, NodeKind.Person, batchKinds, storedKind);
        }

        var films = seen.Films;
        for (var i = 0; i < batch.Films.Count; i++)
        {
            var f = batch.Films[i];
            var place = new At("films", i);
            if (!CheckId(problems, place, f.Id)) continue;
            CheckText(problems, place["title"], f.Title, required: true);
            CheckYear(problems, place["year"], f.Year);
            if (IsConflictingDuplicate(f.Id, f, films)) problems.Add(Duplicate(place, "film", f.Id));
            CheckKind(problems, place, f.Id, NodeKind.Film, batchKinds, storedKind);
        }

        var relationships = seen.Relationships;
        relationships.EnsureCapacity(batch.Relationships.Count);
        for (var i = 0; i < batch.Relationships.Count; i++)
        {
            var r = batch.Relationships[i];
            var place = new At("relationships", i);
            var (storedFrom, storedTo) = storedEnds is null ? (storedKind, storedKind) : Given(storedEnds(i));
            var fromOk = CheckEndpoint(problems, place["from"], r.From, NodeKind.Person, r.Type, batchKinds, storedFrom);
            var toOk = CheckEndpoint(problems, place["to"], r.To, r.Type.TargetKind(), r.Type, batchKinds, storedTo);
            if (fromOk && toOk && r.Type == RelationshipType.ConflictedWith && r.From == r.To)
                problems.Add(place.Problem($"'{r.From}' cannot be in conflict with themself."));
            var props = r.Properties;
            CheckText(problems, place["role"], props.Role, required: false);
            CheckText(problems, place["reason"], props.Reason, required: false);
            CheckText(problems, place["context"], props.Context, required: false);
            CheckText(problems, place["description"], props.Description, required: false);
            if (props.Source is { } source)
            {
                CheckText(problems, place["source"]["document"], source.Document, required: true);
                CheckText(problems, place["source"]["quote"], source.Quote, required: false);
            }
            if (props.Billing is < 0) problems.Add(place["billing"].Problem($"billing must not be negative; got {props.Billing}."));
            // The same ids give the same stored ends, so a record is always keyed the same way within a batch.
            if (fromOk && toOk && (storedPair?.Invoke(i) is >= 0 and var pair
                    ? IsConflictingDuplicate(pair, r, seen.StoredPairs)
                    : IsConflictingDuplicate((r.Type, r.From, r.To), r, relationships)))
                problems.Add(Duplicate(place, $"{r.Type.Name()} relationship", $"{r.From} -> {r.To}"));
        }
        return problems;
    }

    // The two ends' kinds as lookups of their own; cached, so that no delegate is made per relationship.
    private static readonly Func<string, NodeKind?>[] Known =
        [_ => null, _ => NodeKind.Person, _ => NodeKind.Film];

    private static (Func<string, NodeKind?>, Func<string, NodeKind?>) Given((NodeKind? From, NodeKind? To) ends) =>
        (Known[ends.From is { } f ? (int)f + 1 : 0], Known[ends.To is { } t ? (int)t + 1 : 0]);

    private static bool CheckId(List<WriteProblem> problems, At place, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(place["id"].Problem("missing id."));
            return false;
        }
        if (id.Length > MaxIdLength)
        {
            problems.Add(place["id"].Problem($"id is {id.Length} characters long; the most allowed is {MaxIdLength}."));
            return false;
        }
        if (id != id.Trim())
        {
            problems.Add(place["id"].Problem($"id '{id}' has leading or trailing space."));
            return false;
        }
        return true;
    }

    private static void CheckText(List<WriteProblem> problems, At place, string? text, bool required)
    {
        if (text is null || text.Length == 0)
        {
            if (required) problems.Add(place.Problem("missing value."));
            return;
        }
        if (text.Length > MaxTextLength)
            problems.Add(place.Problem($"text is {text.Length} characters long; the most allowed is {MaxTextLength}."));
        else if (required && string.IsNullOrWhiteSpace(text))
            problems.Add(place.Problem("value is blank."));
    }

    private static void CheckYear(List<WriteProblem> problems, At place, int? year)
    {
        if (year is int y && (y < MinYear || y > MaxYear))
            problems.Add(place.Problem($"year {y} is outside {MinYear}..{MaxYear}."));
    }

    private static bool IsConflictingDuplicate<TKey, T>(TKey key, T item, Dictionary<TKey, T> seen) where TKey : notnull =>
        !seen.TryAdd(key, item) && !Equals(seen[key], item);

    private static WriteProblem Duplicate(At place, string what, string shownKey) =>
        place.Problem($"duplicate {what} '{shownKey}' with different data than an earlier record.");

    private static void CheckKind(List<WriteProblem> problems, At place, string id, NodeKind kind,
        Dictionary<string, NodeKind> batchKinds, Func<string, NodeKind?> storedKind)
    {
        var other = batchKinds.TryGetValue(id, out var k) ? k : storedKind(id);
        if (other is NodeKind existing && existing != kind)
            problems.Add(place["id"].Problem($"id '{id}' is already used by a {Describe(existing)}."));
        else
            batchKinds.TryAdd(id, kind);
    }

    private static bool CheckEndpoint(List<WriteProblem> problems, At place, string? id, NodeKind wanted, RelationshipType type,
        Dictionary<string, NodeKind> batchKinds, Func<string, NodeKind?> storedKind)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(place.Problem("missing id."));
            return false;
        }
        // A batch of relationships alone (an import's usual) has no ids of its own to look through.
        var kind = batchKinds.Count > 0 && batchKinds.TryGetValue(id, out var k) ? k : storedKind(id);
        if (kind is null)
        {
            problems.Add(place.Problem($"'{id}' is no {Describe(wanted)} in this data or in the store."));
            return false;
        }
        if (kind != wanted)
        {
            problems.Add(place.Problem($"{type.Name()} needs a {Describe(wanted)} here, but '{id}' is a {Describe(kind.Value)}."));
            return false;
        }
        return true;
    }

    private static string Describe(NodeKind kind) => kind == NodeKind.Person ? "person" : "film";
}
