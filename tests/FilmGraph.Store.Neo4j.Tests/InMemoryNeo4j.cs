using System.Text.RegularExpressions;
using FilmGraph.Bolt;
using FilmGraph.Bolt.Peer;
using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// Answers the registry's statements from an in-memory graph, as Neo4j would answer them, for the scripted peer.
/// With it the whole store contract runs through the store's own code and the Bolt client where no server exists.
/// It checks the store's side (parameters, mapping, ordering, the rules applied in C#); whether Neo4j runs each
/// statement this way is for the parser check and the live contract run.
/// </summary>
internal sealed partial class InMemoryNeo4j
{
    private sealed class Node(long id, string label, string key)
    {
        public long Id { get; } = id;
        public string Label { get; } = label;
        public string Key { get; } = key;
        public Dictionary<string, object?> Properties { get; } = new() { ["id"] = key };
        public BoltNode ToBolt() => new(Id, [Label], new Dictionary<string, object?>(Properties), $"4:mem:{Id}");
    }

    private sealed class Rel(long id, string type, Node from, Node to)
    {
        public long Id { get; } = id;
        public string Type { get; } = type;
        public Node From { get; } = from;
        public Node To { get; } = to;
        public Dictionary<string, object?> Properties { get; } = [];
        public BoltRelationship ToBolt() => new(Id, From.Id, To.Id, Type, new Dictionary<string, object?>(Properties), $"5:mem:{Id}", $"4:mem:{From.Id}", $"4:mem:{To.Id}");
    }

    private readonly object _lock = new();
    private readonly List<Node> _nodes = [];
    private readonly List<Rel> _rels = [];
    private readonly Dictionary<string, Dictionary<string, object?>> _centres = [];
    private long _nextId;

    private static readonly string[] PersonFilmTypes = RelationshipTypes.PersonToFilm.Select(t => t.Name()).ToArray();

    public PeerReply Answer(string query, IReadOnlyDictionary<string, object?> p)
    {
        lock (_lock) return Dispatch(query, p);
    }

    private PeerReply Dispatch(string q, IReadOnlyDictionary<string, object?> p)
    {
        if (q == Cypher.NodeKinds)
            return Rows(["id", "person"], Strings(p["ids"]).Select(Find).OfType<Node>().Select(n => Row(n.Key, n.Label == "Person")));
        if (q == Cypher.UpsertPeople) return UpsertNodes("Person", Cypher.PersonProperties, p);
        if (q == Cypher.UpsertFilms) return UpsertNodes("Film", Cypher.FilmProperties, p);
        if (RelationshipTypes.All.FirstOrDefault(t => q == Cypher.UpsertRelationships(t)) is var type && q == Cypher.UpsertRelationships(type))
            return UpsertRelationships(type, p);
        if (RelationshipTypes.All.FirstOrDefault(t => q == Cypher.Unlink(t)) is var unlinked && q == Cypher.Unlink(unlinked))
        {
            var removed = _rels.RemoveAll(r => r.Type == unlinked.Name() && r.From.Key == (string)p["from"]! && r.To.Key == (string)p["to"]!);
            return Rows(["removed"], [Row((long)removed)]);
        }
        if (q == Cypher.GetPerson) return Rows(["p"], Find((string)p["id"]!, "Person") is { } person ? [Row(person.ToBolt())] : []);
        if (q == Cypher.GetFilm) return Rows(["f"], Find((string)p["id"]!, "Film") is { } film ? [Row(film.ToBolt())] : []);
        if (q == Cypher.NodesById)
            return Rows(["id", "n"], Strings(p["ids"]).SelectMany(id => _nodes.Where(n => n.Key == id)).Select(n => Row(n.Key, n.ToBolt())));
        if (q == Cypher.PeopleByKey || q == Cypher.FilmsByKey)
        {
            var label = q == Cypher.PeopleByKey ? "Person" : "Film";
            var year = p.GetValueOrDefault("year");
            return Rows(["node"], _nodes.Where(n => n.Label == label && Strings(n.Properties["keys"]).Contains((string)p["key"]!)
                    && (year is null || Equals(n.Properties.GetValueOrDefault("year"), year)))
                .OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => Row(n.ToBolt())));
        }
        if (q == Cypher.Search) return Search((string)p["query"]!, (long)p["first"]!);
        if (q == Cypher.Stats) return Rows(["people", "films", "relationships"], [Row((long)Count("Person"), (long)Count("Film"), (long)_rels.Count)]);
        if (q == Cypher.PersonCredits || q == Cypher.FilmCredits)
        {
            var types = p["types"] is null ? PersonFilmTypes : Strings(p["types"]).ToArray();
            var id = (string)p["id"]!;
            return Credits(_rels.Where(r => PersonFilmTypes.Contains(r.Type) && types.Contains(r.Type)
                && (q == Cypher.PersonCredits ? r.From.Key == id && r.From.Label == "Person" : r.To.Key == id && r.To.Label == "Film")));
        }
        if (q == Cypher.PersonCreditKeys)
        {
            var types = p["types"] is null ? PersonFilmTypes : Strings(p["types"]).ToArray();
            return Rows(["p", "f", "type"], _rels.Where(r => types.Contains(r.Type) && r.From.Key == (string)p["id"]! && r.From.Label == "Person" && r.To.Label == "Film")
                .Select(r => Row(r.From.ToBolt(), r.To.ToBolt(), r.Type)));
        }
        if (q == Cypher.PersonCreditsOn)
        {
            var (films, types) = (Strings(p["films"]).ToHashSet(), Strings(p["types"]).ToHashSet());
            return Credits(_rels.Where(r => types.Contains(r.Type) && r.From.Key == (string)p["id"]! && r.From.Label == "Person" && r.To.Label == "Film" && films.Contains(r.To.Key)));
        }
        if (q == Cypher.CoStarCount)
        {
            var id = (string)p["id"]!;
            var films = _rels.Where(r => r.Type == "CAST_IN" && r.From.Key == id && r.From.Label == "Person").Select(r => r.To).ToHashSet();
            var others = _rels.Where(r => r.Type == "CAST_IN" && films.Contains(r.To) && r.From.Key != id).Select(r => r.From).Distinct().Count();
            return Rows(["count"], [Row((long)others)]);
        }
        if (q == Cypher.Conflicts)
        {
            var person = Find((string)p["id"]!, "Person");
            return Rows(["o", "r", "outgoing", "c"], _rels.Where(r => r.Type == "CONFLICTED_WITH" && person is not null && (r.From == person || r.To == person))
                .Select(r => Row((r.From == person ? r.To : r.From).ToBolt(), r.ToBolt(), r.From == person,
                    r.Properties.GetValueOrDefault("context") is string c && Find(c, "Film") is { } film ? film.ToBolt() : null)));
        }
        if (q == Cypher.CoStars) return CoStars((string)p["id"]!, (long)p["first"]!);
        if (q == Cypher.KnownFor) return KnownFor(Strings(p["ids"]), (long)p["keep"]!);
        if (q == Cypher.KnownPeople) return KnownPeople(Strings(p["ids"]), (long)p["keep"]!);
        if (q == Cypher.ReplacementCredits || q == Cypher.ReplacementCreditsOfPerson)
        {
            var films = _rels.Where(r => r.Type == "DROPPED_FROM").Select(r => r.To).Distinct()
                .Where(f => q == Cypher.ReplacementCredits || _rels.Any(r => r.To == f && r.From.Key == (string)p["id"]! && r.Type is "CAST_IN" or "DROPPED_FROM"));
            return Credits(_rels.Where(r => r.Type is "CAST_IN" or "DROPPED_FROM" && films.Contains(r.To)));
        }
        if (q.StartsWith("MATCH (p:Person) WHERE p.id > $after", StringComparison.Ordinal))
        {
            var types = CoWorkerTypes().Match(q).Groups["types"].Value.Split('|').ToHashSet();
            var page = _nodes.Where(n => n.Label == "Person" && string.CompareOrdinal(n.Key, (string)p["after"]!) > 0)
                .OrderBy(n => n.Key, StringComparer.Ordinal).Take((int)(long)p["page"]!);
            return Rows(["id", "films"], page.Select(n => Row(n.Key,
                _rels.Where(r => r.From == n && types.Contains(r.Type) && r.To.Label == "Film").Select(r => (object?)r.To.Key).ToList())));
        }
        if (q.StartsWith("MATCH (:Person)-[r:", StringComparison.Ordinal) && q.EndsWith("RETURN count(r) AS count", StringComparison.Ordinal))
        {
            var types = CountTypes().Match(q).Groups["types"].Value.Split('|').ToHashSet();
            return Rows(["count"], [Row((long)_rels.Count(r => types.Contains(r.Type) && r.To.Label == "Film"))]);
        }
        if (q == Cypher.WriteCentres)
        {
            _centres[(string)p["via"]!] = new Dictionary<string, object?>(p);
            return Rows([], []);
        }
        if (q == Cypher.ReadCentres)
        {
            string[] keys = ["computedAt", "candidates", "relationships", "ids", "totals", "reaches"];
            return Rows(keys, _centres.TryGetValue((string)p["via"]!, out var c)
                ? [keys.Select(k => c[k] is Array a ? a.Cast<object?>().ToList() : c[k]).ToArray()]
                : []);
        }
        if (q.Contains("allShortestPaths(") || q.Contains("shortestPath(")) return Shortest(q, p);
        if (q.Contains("AS id\nMATCH (:Person {id: id})")) return CoWorkers(q, p);
        if (q == Cypher.Neighbours) return Neighbours(p);
        if (q == Cypher.EdgesAmong)
        {
            var elements = Strings(p["elements"]).ToHashSet();
            var types = Strings(p["types"]).ToHashSet();
            return Rows(["from", "type", "to", "role"], _rels.Where(r => types.Contains(r.Type) && elements.Contains(Element(r.From)) && elements.Contains(Element(r.To)))
                .Select(r => Row(r.From.Key, r.Type, r.To.Key, r.Properties.GetValueOrDefault("role"))));
        }
        return PeerReply.Failure("Neo.ClientError.Statement.SyntaxError");
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    private PeerReply UpsertNodes(string label, IReadOnlyList<string> compared, IReadOnlyDictionary<string, object?> p)
    {
        var outcomes = new List<string>();
        foreach (var row in Maps(p["rows"]))
        {
            var node = Find((string)row["id"]!, label);
            var outcome = node is null ? "created" : Same(node.Properties, row, compared) ? "unchanged" : "updated";
            outcomes.Add(outcome);
            if (outcome == "unchanged") continue;
            if (node is null) _nodes.Add(node = new Node(++_nextId, label, (string)row["id"]!));
            Set(node.Properties, row, compared.Concat(Cypher.KeyProperties));
        }
        return Outcomes(outcomes, "nodes-created");
    }

    private PeerReply UpsertRelationships(RelationshipType type, IReadOnlyDictionary<string, object?> p)
    {
        var outcomes = new List<string>();
        foreach (var row in Maps(p["rows"]))
        {
            var from = Find((string)row["from"]!, "Person");
            var to = Find((string)row["to"]!, type.TargetKind() == NodeKind.Person ? "Person" : "Film");
            if (from is null || to is null) continue;
            var rel = _rels.FirstOrDefault(r => r.Type == type.Name() && r.From == from && r.To == to);
            var outcome = rel is null ? "created" : Same(rel.Properties, row, Cypher.RelationshipProperties) ? "unchanged" : "updated";
            outcomes.Add(outcome);
            if (outcome == "unchanged") continue;
            if (rel is null) _rels.Add(rel = new Rel(++_nextId, type.Name(), from, to));
            Set(rel.Properties, row, Cypher.RelationshipProperties);
        }
        return Outcomes(outcomes, "relationships-created");
    }

    private static bool Same(Dictionary<string, object?> stored, IReadOnlyDictionary<string, object?> row, IEnumerable<string> keys) =>
        keys.All(k => ValueEquals(stored.GetValueOrDefault(k), row.GetValueOrDefault(k)));

    private static bool ValueEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (List<object?> x, List<object?> y) => x.SequenceEqual(y),
        _ => Equals(a, b),
    };

    private static void Set(Dictionary<string, object?> stored, IReadOnlyDictionary<string, object?> row, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (row.GetValueOrDefault(key) is { } value) stored[key] = value;
            else stored.Remove(key);
        }
    }

    private static PeerReply Outcomes(List<string> outcomes, string counter) =>
        Rows(["outcome", "rows"], outcomes.GroupBy(o => o).Select(g => Row(g.Key, (long)g.Count()))) with
        {
            Stats = new() { [counter] = (long)outcomes.Count(o => o == "created") },
        };

    // ---- reads ----------------------------------------------------------------------------------------------

    private PeerReply Credits(IEnumerable<Rel> rels) =>
        Rows(["p", "r", "f"], rels.Select(r => Row(r.From.ToBolt(), r.ToBolt(), r.To.ToBolt())));

    private PeerReply CoStars(string id, long first)
    {
        var shared = _rels.Where(r => r.Type == "CAST_IN" && r.From.Key == id && r.From.Label == "Person")
            .SelectMany(mine => _rels.Where(r => r.Type == "CAST_IN" && r.To == mine.To && r.From != mine.From).Select(r => (Other: r.From, Film: r.To)))
            .GroupBy(s => s.Other).Select(g => (g.Key, Films: g.Select(s => s.Film).Distinct().ToList()))
            .OrderByDescending(g => g.Films.Count).ThenBy(g => g.Key.Key, StringComparer.Ordinal).Take((int)first);
        return Rows(["o", "films"], shared.Select(s => Row(s.Key.ToBolt(), s.Films.Select(f => (object?)f.ToBolt()).ToList())));
    }

    private PeerReply KnownFor(IEnumerable<string> ids, long keep)
    {
        var rows = ids.SelectMany(id => _rels
            .Where(r => r.From.Key == id && r.From.Label == "Person" && r.Type is "CAST_IN" or "DIRECTED" or "WROTE" or "COMPOSED" or "PRODUCED")
            .Select(r => (Id: id, Film: r.To, r.Type, Cast: (long)_rels.Count(c => c.Type == "CAST_IN" && c.To == r.To)))
            .OrderByDescending(c => c.Cast).ThenByDescending(c => c.Film.Properties.GetValueOrDefault("year") as long? ?? long.MinValue)
            .ThenBy(c => c.Film.Key, StringComparer.Ordinal).Take((int)keep));
        return Rows(["id", "f", "type", "castSize"], rows.Select(c => Row(c.Id, c.Film.ToBolt(), c.Type, c.Cast)));
    }

    private PeerReply KnownPeople(IEnumerable<string> ids, long keep)
    {
        static bool Known(Rel r) => r.Type is "CAST_IN" or "DIRECTED" or "WROTE" or "COMPOSED" or "PRODUCED";
        var rows = ids.SelectMany(id => _rels
            .Where(r => r.To.Key == id && r.To.Label == "Film" && Known(r))
            .Select(r => (Id: id, Person: r.From, r.Type, Credits: (long)_rels.Count(c => c.From == r.From && c.To.Label == "Film" && Known(c))))
            .OrderByDescending(c => c.Credits).ThenBy(c => c.Person.Key, StringComparer.Ordinal).Take((int)keep));
        return Rows(["id", "p", "type", "credits"], rows.Select(c => Row(c.Id, c.Person.ToBolt(), c.Type, c.Credits)));
    }

    /// <summary>
    /// Lucene's classic syntax as the store writes it: an AND of groups of (word^4 OR word*^2 OR word~n), or for
    /// several words "(that AND-list) OR (one joined group)". Matching alternatives add up, as in Lucene.
    /// </summary>
    private PeerReply Search(string query, long first)
    {
        var alternatives = TopLevel(query, " OR ").Select(a => TopLevel(Unwrap(a), " AND ").Select(g => Unwrap(g).Split(" OR ")).ToList()).ToList();
        var hits = new List<(Node Node, double Score, long Degree)>();
        foreach (var node in _nodes)
        {
            var words = ((string)node.Properties["searchText"]!).Split('\n', ' ');
            double score = 0;
            foreach (var groups in alternatives)
            {
                double total = 0;
                foreach (var group in groups)
                {
                    var best = group.Select(clause => ClauseScore(clause, words)).Max();
                    if (best == 0) { total = 0; break; }
                    total += best;
                }
                score += total;
            }
            if (score > 0) hits.Add((node, score, _rels.Count(r => r.From == node || r.To == node)));
        }
        return Rows(["node", "score", "degree"], hits
            .OrderByDescending(h => h.Score).ThenByDescending(h => h.Degree).ThenBy(h => h.Node.Key, StringComparer.Ordinal)
            .Take((int)first).Select(h => Row(h.Node.ToBolt(), h.Score, h.Degree)));
    }

    /// <summary>Splits on a separator outside parentheses.</summary>
    private static List<string> TopLevel(string text, string separator)
    {
        var parts = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i = start - 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The text inside one pair of enclosing parentheses, if the whole text is so enclosed.</summary>
    private static string Unwrap(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')') return text;
        var depth = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0) return text;
        }
        return text[1..^1];
    }

    private static double ClauseScore(string clause, string[] words)
    {
        var m = LuceneClause().Match(clause);
        var (word, fuzzy, boost) = (m.Groups["word"].Value, m.Groups["op"].Value, m.Groups["boost"].Success ? double.Parse(m.Groups["boost"].Value) : 1);
        return fuzzy switch
        {
            "*" => words.Any(w => w.StartsWith(word, StringComparison.Ordinal)) ? boost : 0,
            "" => words.Contains(word) ? boost : 0,
            _ => words.Any(w => TextKey.BoundedEditDistance(word, w, int.Parse(fuzzy[1..])) <= int.Parse(fuzzy[1..])) ? boost : 0,
        };
    }

    private PeerReply Shortest(string q, IReadOnlyDictionary<string, object?> p)
    {
        PeerReply NoPath() => q.Contains("AS count") ? Rows(["count"], [Row(0L)]) : Rows(q.Contains("allShortestPaths") ? ["p"] : ["length"], []);
        var shape = PathShape().Match(q);
        var types = shape.Groups["types"].Value.Split('|').ToHashSet();
        var bound = int.Parse(shape.Groups["bound"].Value);
        // As the server: an end that is not a person matches nothing, so there is no path (and a count of nought).
        if (Find((string)p["from"]!, "Person") is not { } a || Find((string)p["to"]!, "Person") is not { } b) return NoPath();
        var excludedPeople = Strings(p["excludePeople"]).ToHashSet();
        var excludedFilms = Strings(p["excludeFilms"]).ToHashSet();
        var (fromYear, toYear) = (p["fromYear"] as long?, p["toYear"] as long?);
        bool Allowed(Node n) => n == a || n == b || (n.Label == "Person" ? !excludedPeople.Contains(n.Key)
            : !excludedFilms.Contains(n.Key) && (fromYear is null && toYear is null
                || n.Properties.GetValueOrDefault("year") is long y && y >= (fromYear ?? y) && y <= (toYear ?? y)));
        IEnumerable<(Rel Rel, Node Next)> Steps(Node n) =>
            _rels.Where(r => types.Contains(r.Type) && (r.From == n || r.To == n)).Select(r => (r, r.From == n ? r.To : r.From)).Where(s => Allowed(s.Item2));

        var fromB = new Dictionary<Node, int> { [b] = 0 };
        var frontier = new List<Node> { b };
        for (var d = 1; d <= bound && frontier.Count > 0 && !fromB.ContainsKey(a); d++)
        {
            frontier = frontier.SelectMany(Steps).Select(s => s.Next).Where(n => fromB.TryAdd(n, d)).Distinct().ToList();
        }
        if (!fromB.TryGetValue(a, out var length)) return NoPath();
        if (!q.Contains("allShortestPaths")) return Rows(["length"], [Row((long)length)]);

        // A count takes distinct node sequences up to the cap; a listing stops at the cap of paths.
        var counting = q.Contains("AS count");
        var paths = new List<(List<Node> Nodes, List<Rel> Rels)>();
        void Walk(List<Node> nodes, List<Rel> rels)
        {
            if (!counting && paths.Count >= (long)p["cap"]!) return;
            var here = nodes[^1];
            if (here == b) { paths.Add((nodes, rels)); return; }
            foreach (var (rel, next) in Steps(here).Where(s => fromB.GetValueOrDefault(s.Next, -1) == fromB[here] - 1))
                Walk([.. nodes, next], [.. rels, rel]);
        }
        Walk([a], []);
        if (counting)
        {
            var chains = paths.Select(path => string.Join('\n', path.Nodes.Select(n => n.Key))).Distinct().Take((int)(long)p["cap"]!);
            return Rows(["count"], [Row((long)chains.Count())]);
        }
        return Rows(["p"], paths.Select(path => Row(new BoltPath(path.Nodes.Select(n => n.ToBolt()).ToList(), path.Rels.Select(r => r.ToBolt()).ToList()))));
    }

    private PeerReply CoWorkers(string q, IReadOnlyDictionary<string, object?> p)
    {
        var types = CoWorkerTypes().Match(q).Groups["types"].Value.Split('|').ToHashSet();
        var frontier = Strings(p["frontier"]).ToHashSet();
        var found = _rels.Where(r => types.Contains(r.Type) && frontier.Contains(r.From.Key))
            .SelectMany(mine => _rels.Where(r => types.Contains(r.Type) && r.To == mine.To && r != mine).Select(r => r.From.Key))
            .Distinct();
        return Rows(["id"], found.Select(id => Row(id)));
    }

    private PeerReply Neighbours(IReadOnlyDictionary<string, object?> p)
    {
        var types = Strings(p["types"]).ToHashSet();
        var rows = new List<object?[]>();
        foreach (var element in Strings(p["frontier"]))
        {
            var node = _nodes.Single(n => Element(n) == element);
            foreach (var r in _rels.Where(r => types.Contains(r.Type) && (r.From == node || r.To == node)))
                rows.Add(Row(element, r.Type, r.From == node, (r.From == node ? r.To : r.From).ToBolt()));
        }
        return Rows(["element", "type", "outgoing", "m"], rows);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Node? Find(string key) => _nodes.FirstOrDefault(n => n.Key == key);

    private Node? Find(string key, string label) => _nodes.FirstOrDefault(n => n.Key == key && n.Label == label);

    private int Count(string label) => _nodes.Count(n => n.Label == label);

    private static string Element(Node n) => $"4:mem:{n.Id}";

    private static string Label(Node n) => (string)n.Properties[n.Label == "Person" ? "name" : "title"]!;

    private static IEnumerable<string> Strings(object? list) => list is null ? [] : ((IEnumerable<object?>)list).Cast<string>();

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(object? list) =>
        ((IEnumerable<object?>)list!).Cast<IReadOnlyDictionary<string, object?>>();

    private static object?[] Row(params object?[] values) => values;

    private static PeerReply Rows(string[] keys, IEnumerable<object?[]> rows) => new(keys, rows.ToList());

    [GeneratedRegex(@"^(?<word>[^\^\*~]+)(?<op>\*|~\d+)?(\^(?<boost>\d+))?$")]
    private static partial Regex LuceneClause();

    [GeneratedRegex(@"\[:(?<types>[A-Z_|]+)\*\.\.(?<bound>\d+)\]")]
    private static partial Regex PathShape();

    [GeneratedRegex(@"-\[:(?<types>[A-Z_|]+)\]->")]
    private static partial Regex CoWorkerTypes();

    [GeneratedRegex(@"-\[r:(?<types>[A-Z_|]+)\]->")]
    private static partial Regex CountTypes();
}
