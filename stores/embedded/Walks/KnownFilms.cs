using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// The films people are best known for and the people films are, read from the adjacency alone: a film's cast size
/// is its in-degree of CAST_IN, a person's credits their out-degree over every type but DROPPED_FROM.
/// </summary>
internal static class KnownFilms
{
    public static List<KnownCredit> Of(GraphIndex graph, IReadOnlyCollection<string> personIds, int first, CancellationToken ct)
    {
        var adjacency = graph.Adjacency;
        var credits = new List<KnownCredit>();
        var mine = new List<KnownCredit>();
        foreach (var id in personIds)
        {
            ct.ThrowIfCancellationRequested();
            var person = graph.Node(id, NodeKind.Person);
            if (person < 0) continue;
            mine.Clear();
            foreach (var type in RelationshipTypes.PersonToFilm)
            {
                if (type == RelationshipType.DroppedFrom) continue;
                adjacency.Neighbours(Adjacency.Slot(type, Direction.Out), person, out var rows, out var recent);
                foreach (var film in rows) mine.Add(Credit(graph, id, film, type));
                foreach (var film in recent) mine.Add(Credit(graph, id, film, type));
            }
            // Only the best few leave here; Traversal.KnownFor settles their order and removes a film credited twice.
            credits.AddRange(mine.Order(Traversal.KnownForOrder).Take(first * RelationshipTypes.PersonToFilm.Count));
        }
        return credits;
    }

    private static KnownCredit Credit(GraphIndex graph, string personId, int film, RelationshipType type) =>
        new(personId, graph.Nodes.Film(film), type, graph.Adjacency.Degree(Adjacency.Slot(RelationshipType.CastIn, Direction.In), film));

    public static List<KnownPerson> People(GraphIndex graph, IReadOnlyCollection<string> filmIds, int first, CancellationToken ct)
    {
        var adjacency = graph.Adjacency;
        var people = new List<KnownPerson>();
        var mine = new List<KnownPerson>();
        foreach (var id in filmIds)
        {
            ct.ThrowIfCancellationRequested();
            var film = graph.Node(id, NodeKind.Film);
            if (film < 0) continue;
            mine.Clear();
            foreach (var type in KnownTypes)
            {
                adjacency.Neighbours(Adjacency.Slot(type, Direction.In), film, out var rows, out var recent);
                foreach (var person in rows) mine.Add(new KnownPerson(id, graph.Nodes.Person(person), type, Credits(adjacency, person)));
                foreach (var person in recent) mine.Add(new KnownPerson(id, graph.Nodes.Person(person), type, Credits(adjacency, person)));
            }
            people.AddRange(mine.Order(Traversal.KnownPeopleOrder).Take(first * KnownTypes.Length));
        }
        return people;
    }

    private static readonly RelationshipType[] KnownTypes = [.. RelationshipTypes.PersonToFilm.Where(t => t != RelationshipType.DroppedFrom)];

    private static int Credits(Adjacency adjacency, int person)
    {
        var credits = 0;
        foreach (var type in KnownTypes) credits += adjacency.Degree(Adjacency.Slot(type, Direction.Out), person);
        return credits;
    }
}
