using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>The films people are best known for, read from the adjacency alone: a film's cast size is its in-degree of CAST_IN.</summary>
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
}
