using FilmGraph.Core;

namespace FilmGraph.Contract;

/// <summary>
/// A small random cast graph apart from the contract graph (its own ids), with directors who are sometimes in the
/// cast too, so that two types link a person to a film and must still make one chain.
/// </summary>
public sealed class RandomCastGraph
{
    private readonly HashSet<(int Person, RelationshipType Type, int Film)> _links = [];

    private RandomCastGraph(int people, int films) => (People, Films) = (people, films);

    public int People { get; }
    public int Films { get; }

    // Ids whose order differs from their numbers, so the order rule is really exercised.
    public static string PersonId(int p) => $"rp{(p * 7919) % 1000:D3}-{p}";
    public static string FilmId(int f) => $"rf{(f * 104729) % 1000:D3}-{f}";

    /// <param name="hubs">
    /// Add a person in most films and a film with most people in it, as real graphs have: a walk then meets
    /// neighbour lists much longer than the search layers beside them.
    /// </param>
    public static RandomCastGraph Make(int seed, int people = 30, int films = 20, bool hubs = false)
    {
        var random = new Random(seed);
        var graph = new RandomCastGraph(people, films);
        for (var f = 0; f < films; f++)
        {
            var size = 1 + random.Next(5);
            for (var i = 0; i < size; i++) graph._links.Add((random.Next(people), RelationshipType.CastIn, f));
            if (random.Next(3) == 0) graph._links.Add((random.Next(people), RelationshipType.Directed, f));
            if (hubs && random.Next(4) != 0) graph._links.Add((0, RelationshipType.CastIn, f));
        }
        if (hubs)
            for (var p = 0; p < people; p++)
                if (random.Next(3) != 0) graph._links.Add((p, RelationshipType.CastIn, 0));
        return graph;
    }

    /// <summary>The people and films, without relationships.</summary>
    public GraphBatch Nodes() => GraphBatch.Of(
        people: Enumerable.Range(0, People).Select(p => new Person(PersonId(p), $"Random Person {p}")),
        films: Enumerable.Range(0, Films).Select(f => new Film(FilmId(f), $"Random Film {f}", 2000 + f)));

    /// <summary>
    /// The same nodes written in id order (every film id sorts before every person id), so that a store numbering
    /// nodes as they come numbers them in id order too.
    /// </summary>
    public IEnumerable<GraphBatch> NodesInIdOrder()
    {
        yield return GraphBatch.Of(films: Enumerable.Range(0, Films).OrderBy(FilmId, StringComparer.Ordinal)
            .Select(f => new Film(FilmId(f), $"Random Film {f}", 2000 + f)));
        yield return GraphBatch.Of(people: Enumerable.Range(0, People).OrderBy(PersonId, StringComparer.Ordinal)
            .Select(p => new Person(PersonId(p), $"Random Person {p}")));
    }

    /// <summary>The relationships in <paramref name="parts"/> batches, each with a role naming its two ends.</summary>
    public IEnumerable<GraphBatch> Relationships(int parts) =>
        _links.Chunk(_links.Count / parts + 1).Select(part => GraphBatch.Of(relationships: part.Select(l =>
            new Relationship(l.Type, PersonId(l.Person), FilmId(l.Film), new RelationshipProperties(Role: Role(l.Person, l.Type, l.Film), Source: ContractGraph.Notes)))));

    public static string Role(int person, RelationshipType type, int film) => $"{type} {person}/{film}";

    /// <summary>
    /// What a link from a person to a film reports: the first of the via types that links them, in enum order, and
    /// that relationship's role. Ids as <see cref="PersonId"/> and <see cref="FilmId"/> make them.
    /// </summary>
    public (RelationshipType Type, string Role) Link(string person, string film, IEnumerable<RelationshipType> via)
    {
        var type = via.Order().First(t => _links.Any(l => l.Type == t && PersonId(l.Person) == person && FilmId(l.Film) == film));
        var (p, f) = (_links.First(l => PersonId(l.Person) == person).Person, _links.First(l => FilmId(l.Film) == film).Film);
        return (type, Role(p, type, f));
    }

    /// <summary>Every shortest chain as "film,person,...,person" ids, in the chain order; empty when none is within the bound.</summary>
    public List<string> ShortestChains(int a, int b, int maxFilms, RelationshipType[] via, HashSet<int> excludedFilms, HashSet<int> excludedPeople)
    {
        var linked = _links.Where(l => via.Contains(l.Type) && !excludedFilms.Contains(l.Film)).Select(l => (l.Person, l.Film)).ToHashSet();
        var filmsOf = Enumerable.Range(0, People).Select(p => linked.Where(l => l.Person == p).Select(l => l.Film).ToList()).ToArray();
        var castOf = Enumerable.Range(0, Films)
            .Select(f => linked.Where(l => l.Film == f && !excludedPeople.Contains(l.Person)).Select(l => l.Person).ToList()).ToArray();
        var found = new List<string>();
        for (var films = 1; films <= maxFilms && found.Count == 0; films++) Walk([a], films);
        return [.. found.Distinct().Order(StringComparer.Ordinal)];

        void Walk(List<int> path, int films)
        {
            var person = path[^1];
            if (path.Count == 2 * films + 1)
            {
                if (person == b) found.Add(string.Join(",", path.Skip(1).Select((n, i) => i % 2 == 0 ? FilmId(n) : PersonId(n))));
                return;
            }
            foreach (var film in filmsOf[person])
            {
                if (Holds(path, film, films: true)) continue;
                foreach (var next in castOf[film])
                {
                    if (Holds(path, next, films: false)) continue;
                    path.Add(film); path.Add(next);
                    Walk(path, films);
                    path.RemoveRange(path.Count - 2, 2);
                }
            }
        }

        static bool Holds(List<int> path, int node, bool films)
        {
            for (var i = films ? 1 : 0; i < path.Count; i += 2) if (path[i] == node) return true;
            return false;
        }
    }
}
