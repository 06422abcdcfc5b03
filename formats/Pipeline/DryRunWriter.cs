using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Checks each batch against the store as though the batches before it had been written, and writes nothing: the
/// nodes of earlier batches that a batch's relationships point at are checked along with it, as stand-ins whose own
/// problems are not reported. Remembers node ids only.
/// </summary>
internal sealed class DryRunWriter(IGraphWriter store) : IGraphWriter
{
    private const string StandIn = "(checked in an earlier batch)";

    private readonly Dictionary<string, NodeKind> _earlier = new(StringComparer.Ordinal);

    public async Task<WriteSummary> WriteAsync(GraphBatch batch, CancellationToken ct = default)
    {
        var inBatch = new HashSet<string>(batch.People.Select(p => p.Id).Concat(batch.Films.Select(f => f.Id)), StringComparer.Ordinal);
        var people = new List<Person>(batch.People);
        var films = new List<Film>(batch.Films);
        foreach (var r in batch.Relationships)
        {
            foreach (var id in (ReadOnlySpan<string>)[r.From, r.To])
            {
                if (!_earlier.TryGetValue(id, out var kind) || !inBatch.Add(id)) continue;
                if (kind == NodeKind.Person) people.Add(new Person(id, StandIn));
                else films.Add(new Film(id, StandIn));
            }
        }
        var problems = (await store.ValidateAsync(new GraphBatch(people, films, batch.Relationships), ct).ConfigureAwait(false))
            .Where(p => !AboutStandIn(p, batch)).ToList();
        problems.AddRange(KindConflicts(batch.People, "people", p => p.Id, NodeKind.Person));
        problems.AddRange(KindConflicts(batch.Films, "films", f => f.Id, NodeKind.Film));
        if (problems.Count > 0) throw new GraphWriteException(problems);
        foreach (var person in batch.People) _earlier.TryAdd(person.Id, NodeKind.Person);
        foreach (var film in batch.Films) _earlier.TryAdd(film.Id, NodeKind.Film);
        return WriteSummary.Zero;
    }

    public Task<IReadOnlyList<WriteProblem>> ValidateAsync(GraphBatch batch, CancellationToken ct = default) => store.ValidateAsync(batch, ct);

    private static bool AboutStandIn(WriteProblem problem, GraphBatch batch) => problem switch
    {
        { List: "people", Index: int index } => index >= batch.People.Count,
        { List: "films", Index: int index } => index >= batch.Films.Count,
        _ => false,
    };

    /// <summary>What the store would say of a node whose id an earlier batch of this run gave to the other kind.</summary>
    private IEnumerable<WriteProblem> KindConflicts<T>(IReadOnlyList<T> nodes, string list, Func<T, string> id, NodeKind kind)
    {
        for (var i = 0; i < nodes.Count; i++)
            if (_earlier.TryGetValue(id(nodes[i]), out var earlier) && earlier != kind)
                yield return new WriteProblem(list, i, "id",
                    $"id '{id(nodes[i])}' is already used by a {(earlier == NodeKind.Person ? "person" : "film")}.");
    }
}
