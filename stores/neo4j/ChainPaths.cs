using FilmGraph.Core;
using static FilmGraph.Store.Neo4j.GraphRecords;

namespace FilmGraph.Store.Neo4j;

/// <summary>Turns the paths <c>allShortestPaths</c> returns into chains in <see cref="Traversal.ChainOrder"/>.</summary>
internal static class ChainPaths
{
    /// <summary>
    /// Paths over the same people and films are one chain: the server returns one path per combination of parallel
    /// relationships (someone who both directed and acted in a film), and each link reports the first type in enum
    /// order, with that relationship's role.
    /// </summary>
    public static IReadOnlyList<Chain> ToChains(IEnumerable<CypherPath> paths, int first)
    {
        var chains = new Dictionary<string, (CypherNode[] Nodes, (RelationshipType Type, string? Role)[] Sides)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var nodes = path.Nodes.ToArray();
            if (nodes.Length % 2 == 0 || nodes.Where((n, i) => IsPerson(n) != (i % 2 == 0)).Any())
                throw new InvalidDataException($"A chain path must alternate person and film; got {string.Join(", ", nodes.Select(n => string.Join(':', n.Labels)))}.");
            var sides = path.Relationships.Select(r => (Type(r.Type), Text(r["role"]))).ToArray();
            var key = string.Join('\n', nodes.Select(Id));
            if (!chains.TryGetValue(key, out var known))
            {
                chains[key] = (nodes, sides);
                continue;
            }
            for (var i = 0; i < sides.Length; i++)
                if (sides[i].Item1 < known.Sides[i].Type) known.Sides[i] = sides[i];
        }
        return chains.Values.Select(c => ToChain(c.Nodes, c.Sides)).Order(Traversal.ChainOrder).Take(first).ToList();
    }

    private static Chain ToChain(CypherNode[] nodes, (RelationshipType Type, string? Role)[] sides)
    {
        var links = new List<ChainLink>(nodes.Length / 2);
        for (var i = 0; i + 2 < nodes.Length; i += 2)
        {
            links.Add(new ChainLink(Person(nodes[i]), Film(nodes[i + 1]), Person(nodes[i + 2]),
                sides[i].Type, sides[i].Role, sides[i + 1].Type, sides[i + 1].Role));
        }
        return new Chain(links);
    }
}
