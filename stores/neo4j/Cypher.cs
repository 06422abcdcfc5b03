using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j;

/// <summary>A statement of the registry with parameters of the shape the store sends, for checking it as a whole.</summary>
internal sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>
/// Every Cypher statement the store sends, in one place. Values always travel as parameters. Two things Cypher
/// cannot take as parameters are written into the text instead: relationship types in a pattern (only names of
/// <see cref="RelationshipType"/>, never caller text) and the upper bound of a variable-length pattern (an integer
/// already checked against <see cref="Limits.MaxHopsCeiling"/>). <see cref="All"/> lists every statement, with
/// example parameters, so the whole registry can be put through Neo4j's parser.
/// <para>
/// Stored shape: <c>(:Person {id, name, born, aliases, keys, searchText})</c>, <c>(:Film {id, title, year, keys,
/// searchText})</c>; relationships carry <c>role, billing, reason, context, description, sourceDocument,
/// sourceQuote</c>. <c>keys</c> holds the <see cref="TextKey"/> of the name or title and of each alias, and
/// <c>searchText</c> the same keys on separate lines (and a line of each key's adjacent words joined), which the
/// full-text index reads: matching on keys makes "Ångström" and "angstrom" one word without depending on a
/// Lucene analyzer.
/// </para>
/// </summary>
internal static class Cypher
{
    public const string NamesIndex = "filmgraph_names";

    /// <summary>
    /// At most this many shortest paths are read from <c>allShortestPaths</c>, which enumerates every one of them.
    /// Between two people joined by very many equally short chains, the chains returned are the least (in
    /// <see cref="Traversal.ChainOrder"/>) of the first this-many the server produced.
    /// </summary>
    public const int ShortestPathCap = 10_000;

    // ---- schema ---------------------------------------------------------------------------------------------

    public const string PersonIdConstraint =
        "CREATE CONSTRAINT filmgraph_person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE";

    public const string FilmIdConstraint =
        "CREATE CONSTRAINT filmgraph_film_id IF NOT EXISTS FOR (f:Film) REQUIRE f.id IS UNIQUE";

    // Not eventually consistent: a name written is found by the next search, as the port promises.
    public const string NamesFullTextIndex =
        $$"""
        CREATE FULLTEXT INDEX {{NamesIndex}} IF NOT EXISTS
        FOR (n:Person|Film) ON EACH [n.searchText]
        OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } }
        """;

    public static readonly IReadOnlyList<string> Schema = [PersonIdConstraint, FilmIdConstraint, NamesFullTextIndex];

    public const string AwaitIndexes = "CALL db.awaitIndexes($seconds)";

    // ---- writes ---------------------------------------------------------------------------------------------

    /// <summary>Which of the given ids are stored, and as what: the prefetch for batch validation.</summary>
    public const string NodeKinds =
        """
        UNWIND $ids AS id
        OPTIONAL MATCH (p:Person {id: id})
        OPTIONAL MATCH (f:Film {id: id})
        WITH id, p, f
        WHERE p IS NOT NULL OR f IS NOT NULL
        RETURN id, p IS NOT NULL AS person
        """;

    // Each upsert compares the stored values with the row before writing, so that it can say whether the row
    // created, updated or left the element as it was; unchanged rows are not written at all, and re-importing the
    // same data writes nothing. Rows are distinct by key (the store removes repeats), so no row sees another's write.
    // A null in a row removes the property, and a missing property equals null.

    public static readonly IReadOnlyList<string> PersonProperties = ["name", "born", "aliases"];

    public static readonly IReadOnlyList<string> FilmProperties = ["title", "year"];

    /// <summary>Node properties that follow from the others: the name keys and the text the full-text index reads.</summary>
    public static readonly IReadOnlyList<string> KeyProperties = ["keys", "searchText"];

    /// <summary>The properties a relationship may carry, as rows name them.</summary>
    public static readonly IReadOnlyList<string> RelationshipProperties =
        ["role", "billing", "reason", "context", "description", "sourceDocument", "sourceQuote"];

    /// <summary>Every label and property key the statements may use: the stored shape, for checking them.</summary>
    public static readonly IReadOnlyList<string> Labels = ["Person", "Film", "Centres"];

    public static readonly IReadOnlyList<string> CentresProperties = ["via", "computedAt", "candidates", "relationships", "ids", "totals", "reaches"];

    public static readonly IReadOnlyList<string> PropertyKeys =
        ["id", .. PersonProperties, .. FilmProperties, .. KeyProperties, .. RelationshipProperties, .. CentresProperties];

    public static readonly string UpsertPeople = Upsert(
        "",
        "OPTIONAL MATCH (old:Person {id: row.id})",
        "MERGE (e:Person {id: row.id})",
        PersonProperties, KeyProperties);

    public static readonly string UpsertFilms = Upsert(
        "",
        "OPTIONAL MATCH (old:Film {id: row.id})",
        "MERGE (e:Film {id: row.id})",
        FilmProperties, KeyProperties);

    private static readonly string[] RelationshipUpserts = RelationshipTypes.All.Select(type => Upsert(
        $"MATCH (a:Person {{id: row.from}})\nMATCH (b:{(type.TargetKind() == NodeKind.Person ? "Person" : "Film")} {{id: row.to}})\n",
        $"OPTIONAL MATCH (a)-[old:{type.Name()}]->(b)",
        $"MERGE (a)-[e:{type.Name()}]->(b)",
        RelationshipProperties, [])).ToArray();

    private static readonly string[] RelationshipRemovals = RelationshipTypes.All.Select(type =>
        $"MATCH (a:Person {{id: $from}})-[r:{type.Name()}]->(b:{(type.TargetKind() == NodeKind.Person ? "Person" : "Film")} {{id: $to}})\n" +
        "DELETE r\nRETURN count(*) AS removed").ToArray();

    /// <summary>The removal of one relationship (type, from, to); <c>removed</c> says how many there were (0 or 1).</summary>
    public static string Unlink(RelationshipType type) => RelationshipRemovals[(int)type];

    /// <summary>The upsert of relationships of one type, merged on (type, from, to).</summary>
    public static string UpsertRelationships(RelationshipType type) => RelationshipUpserts[(int)type];

    /// <summary>
    /// An upsert of the element <c>e</c>: <paramref name="compared"/> decide the outcome and are written with the
    /// <paramref name="derived"/> ones, which follow from them.
    /// </summary>
    private static string Upsert(string match, string findOld, string merge, IReadOnlyList<string> compared, IReadOnlyList<string> derived)
    {
        var same = string.Join("\n   AND ", compared.Select(p => $"coalesce(old.{p} = row.{p}, old.{p} IS NULL AND row.{p} IS NULL)"));
        var set = string.Join(", ", compared.Concat(derived).Select(p => $"e.{p} = row.{p}"));
        return $$"""
            UNWIND $rows AS row
            {{match}}{{findOld}}
            WITH *, CASE
              WHEN old IS NULL THEN 'created'
              WHEN {{same}} THEN 'unchanged'
              ELSE 'updated' END AS outcome
            FOREACH (_ IN CASE WHEN outcome = 'unchanged' THEN [] ELSE [1] END |
              {{merge}}
              SET {{set}})
            RETURN outcome, count(*) AS rows
            """;
    }

    // ---- nodes and search -----------------------------------------------------------------------------------

    public const string GetPerson = "MATCH (p:Person {id: $id}) RETURN p";

    public const string GetFilm = "MATCH (f:Film {id: $id}) RETURN f";

    /// <summary>Stored nodes among the given ids, of either kind.</summary>
    public const string NodesById =
        """
        UNWIND $ids AS id
        OPTIONAL MATCH (p:Person {id: id})
        OPTIONAL MATCH (f:Film {id: id})
        WITH id, coalesce(p, f) AS n
        WHERE n IS NOT NULL
        RETURN id, n
        """;

    /// <summary>The full-text index proposes (a phrase of the key's words); the exact key decides.</summary>
    public const string PeopleByKey =
        $$"""
        CALL db.index.fulltext.queryNodes('{{NamesIndex}}', $phrase) YIELD node
        WITH node
        WHERE node:Person AND $key IN node.keys
        RETURN node
        ORDER BY node.id
        """;

    public const string FilmsByKey =
        $$"""
        CALL db.index.fulltext.queryNodes('{{NamesIndex}}', $phrase) YIELD node
        WITH node
        WHERE node:Film AND $key IN node.keys AND ($year IS NULL OR node.year = $year)
        RETURN node
        ORDER BY node.id
        """;

    /// <summary>
    /// Lucene ranks (exact words boosted over prefixes over near spellings); among equal scores the more connected
    /// node (more relationships of any type or direction) comes first, then the lower id.
    /// </summary>
    public const string Search =
        $$"""
        CALL db.index.fulltext.queryNodes('{{NamesIndex}}', $query) YIELD node, score
        WITH node, score, COUNT { (node)--() } AS degree
        RETURN node, score, degree
        ORDER BY score DESC, degree DESC, node.id
        LIMIT $first
        """;

    public const string Stats =
        "RETURN COUNT { (:Person) } AS people, COUNT { (:Film) } AS films, COUNT { ()-[]->() } AS relationships";

    // ---- credits, conflicts, co-stars, replacements ---------------------------------------------------------

    private static readonly string PersonFilmTypes = Alternation(RelationshipTypes.PersonToFilm);

    public static readonly string PersonCredits =
        $$"""
        MATCH (p:Person {id: $id})-[r:{{PersonFilmTypes}}]->(f:Film)
        WHERE $types IS NULL OR type(r) IN $types
        RETURN p, r, f
        """;

    /// <summary>What orders and counts a person's credits (the film and the type), without the relationships' properties.</summary>
    public static readonly string PersonCreditKeys =
        $$"""
        MATCH (p:Person {id: $id})-[r:{{PersonFilmTypes}}]->(f:Film)
        WHERE $types IS NULL OR type(r) IN $types
        RETURN p, f, type(r) AS type
        """;

    /// <summary>A page of a person's credits, whole, once <see cref="PersonCreditKeys"/> has chosen its films and types.</summary>
    public static readonly string PersonCreditsOn =
        $$"""
        MATCH (p:Person {id: $id})-[r:{{PersonFilmTypes}}]->(f:Film)
        WHERE f.id IN $films AND type(r) IN $types
        RETURN p, r, f
        """;

    public static readonly string FilmCredits =
        $$"""
        MATCH (f:Film {id: $id})<-[r:{{PersonFilmTypes}}]-(p:Person)
        WHERE $types IS NULL OR type(r) IN $types
        RETURN p, r, f
        """;

    public const string Conflicts =
        """
        MATCH (p:Person {id: $id})-[r:CONFLICTED_WITH]-(o:Person)
        OPTIONAL MATCH (c:Film {id: r.context})
        RETURN o, r, startNode(r) = p AS outgoing, c
        """;

    public const string CoStars =
        """
        MATCH (p:Person {id: $id})-[:CAST_IN]->(f:Film)<-[:CAST_IN]-(o:Person)
        WHERE o <> p
        WITH o, collect(DISTINCT f) AS films
        RETURN o, films
        ORDER BY size(films) DESC, o.id
        LIMIT $first
        """;

    public const string CoStarCount =
        """
        MATCH (p:Person {id: $id})-[:CAST_IN]->(:Film)<-[:CAST_IN]-(o:Person)
        WHERE o <> p
        RETURN count(DISTINCT o) AS count
        """;

    /// <summary>
    /// Each person's best-known films (Traversal.KnownForOrder: most cast, newer, id), the best $keep of each, with
    /// every type but DROPPED_FROM; the store removes a film credited twice and keeps the first $first.
    /// </summary>
    public const string KnownFor =
        """
        UNWIND $ids AS id
        MATCH (p:Person {id: id})-[r:CAST_IN|DIRECTED|WROTE|COMPOSED|PRODUCED]->(f:Film)
        WITH id, f, type(r) AS type, COUNT { (f)<-[:CAST_IN]-(:Person) } AS castSize
        ORDER BY castSize DESC, coalesce(f.year, -2147483648) DESC, f.id
        WITH id, collect({film: f, type: type, castSize: castSize})[..$keep] AS best
        UNWIND best AS b
        RETURN id, b.film AS f, b.type AS type, b.castSize AS castSize
        """;

    /// <summary>
    /// Each film's best-known people (Traversal.KnownPeopleOrder: most credits in all, id), the best $keep of each,
    /// with every type but DROPPED_FROM; the store removes a person credited twice and keeps the first $first.
    /// </summary>
    public const string KnownPeople =
        """
        UNWIND $ids AS id
        MATCH (f:Film {id: id})<-[r:CAST_IN|DIRECTED|WROTE|COMPOSED|PRODUCED]-(p:Person)
        WITH id, p, type(r) AS type, COUNT { (p)-[:CAST_IN|DIRECTED|WROTE|COMPOSED|PRODUCED]->(:Film) } AS credits
        ORDER BY credits DESC, p.id
        WITH id, collect({person: p, type: type, credits: credits})[..$keep] AS best
        UNWIND best AS b
        RETURN id, b.person AS p, b.type AS type, b.credits AS credits
        """;

    /// <summary>Drops and casts on every film someone was dropped from; the replacement rule runs on them in the store.</summary>
    public const string ReplacementCredits =
        """
        MATCH (f:Film)<-[:DROPPED_FROM]-(:Person)
        WITH DISTINCT f
        MATCH (f)<-[r:CAST_IN|DROPPED_FROM]-(p:Person)
        RETURN p, r, f
        """;

    public const string ReplacementCreditsOfPerson =
        """
        MATCH (:Person {id: $id})-[:CAST_IN|DROPPED_FROM]->(f:Film)
        WHERE EXISTS { (f)<-[:DROPPED_FROM]-(:Person) }
        WITH DISTINCT f
        MATCH (f)<-[r:CAST_IN|DROPPED_FROM]-(p:Person)
        RETURN p, r, f
        """;

    // ---- chains and walks -----------------------------------------------------------------------------------

    // A chain of n films is a path of 2n relationships: person-film types only ever join a person and a film,
    // so any path over them between two people alternates person, film, person. Endpoints are exempt from the
    // exclusions (the query refuses excluding them), and a film without a year fails any year range.
    private const string ChainFilter =
        """
        WHERE all(n IN nodes(p) WHERE n = a OR n = b
          OR (n:Person AND NOT n.id IN $excludePeople)
          OR (n:Film AND NOT n.id IN $excludeFilms
              AND ($fromYear IS NULL AND $toYear IS NULL
                   OR n.year IS NOT NULL AND n.year >= coalesce($fromYear, n.year) AND n.year <= coalesce($toYear, n.year))))
        """;

    /// <summary>Every shortest path (up to <see cref="ShortestPathCap"/>) within <paramref name="maxHops"/> films.</summary>
    public static string ShortestPaths(IReadOnlyList<RelationshipType> via, int maxHops) =>
        Shortest("allShortestPaths", via, maxHops, "RETURN p\nLIMIT $cap");

    /// <summary>
    /// How many distinct shortest chains (node sequences; parallel relationships make one chain) there are, up to
    /// <see cref="ShortestPathCap"/>. Neo4j counts shortest paths only by producing them, so the count stops at the
    /// cap: an answer equal to the cap means at least that many.
    /// </summary>
    public static string ShortestCount(IReadOnlyList<RelationshipType> via, int maxHops) =>
        Shortest("allShortestPaths", via, maxHops, "WITH DISTINCT [n IN nodes(p) | n.id] AS chain\nLIMIT $cap\nRETURN count(chain) AS count");

    /// <summary>The length in relationships of one shortest path within <paramref name="maxHops"/> films.</summary>
    public static string ShortestLength(IReadOnlyList<RelationshipType> via, int maxHops) =>
        Shortest("shortestPath", via, maxHops, "RETURN length(p) AS length");

    private static string Shortest(string function, IReadOnlyList<RelationshipType> via, int maxHops, string result) =>
        $$"""
        MATCH (a:Person {id: $from})
        MATCH (b:Person {id: $to})
        MATCH p = {{function}}((a)-[:{{Alternation(via)}}*..{{Bound(maxHops)}}]-(b))
        {{ChainFilter}}
        {{result}}
        """;

    /// <summary>One level of the reach walk: everyone sharing a film with someone in the frontier.</summary>
    public static string CoWorkers(IReadOnlyList<RelationshipType> via) =>
        $$"""
        UNWIND $frontier AS id
        MATCH (:Person {id: id})-[:{{Alternation(via)}}]->(:Film)<-[:{{Alternation(via)}}]-(q:Person)
        RETURN DISTINCT q.id AS id
        """;

    /// <summary>One level of the neighbourhood walk: neighbours of the frontier over the given types, either direction.</summary>
    public const string Neighbours =
        """
        UNWIND $frontier AS element
        MATCH (n) WHERE elementId(n) = element
        MATCH (n)-[r]-(m)
        WHERE type(r) IN $types
        RETURN element, type(r) AS type, startNode(r) = n AS outgoing, m
        """;

    public const string EdgesAmong =
        """
        UNWIND $elements AS element
        MATCH (n) WHERE elementId(n) = element
        MATCH (n)-[r]->(m)
        WHERE type(r) IN $types AND elementId(m) IN $elements
        RETURN n.id AS from, type(r) AS type, m.id AS to, r.role AS role
        """;

    // ---- centres --------------------------------------------------------------------------------------------

    /// <summary>
    /// Centres are ranked by the client (<see cref="CentreSearch"/>) over the graph read a page of people at a time,
    /// and kept in one <c>(:Centres {via})</c> node per via set: the ranked ids with their total distances and reach
    /// counts as three lists, when, how many candidates, and how many via relationships there were, by which a
    /// later status tells stale from current.
    /// </summary>
    public static string CentrePeoplePage(IReadOnlyList<RelationshipType> via) =>
        $$"""
        MATCH (p:Person) WHERE p.id > $after
        WITH p ORDER BY p.id LIMIT $page
        OPTIONAL MATCH (p)-[:{{Alternation(via)}}]->(f:Film)
        RETURN p.id AS id, collect(f.id) AS films
        """;

    public static string ViaRelationshipCount(IReadOnlyList<RelationshipType> via) =>
        $"MATCH (:Person)-[r:{Alternation(via)}]->(:Film) RETURN count(r) AS count";

    public const string WriteCentres =
        """
        MERGE (c:Centres {via: $via})
        SET c.computedAt = $computedAt, c.candidates = $candidates, c.relationships = $relationships,
            c.ids = $ids, c.totals = $totals, c.reaches = $reaches
        """;

    public const string ReadCentres =
        """
        MATCH (c:Centres {via: $via})
        RETURN c.computedAt AS computedAt, c.candidates AS candidates, c.relationships AS relationships,
            c.ids AS ids, c.totals AS totals, c.reaches AS reaches
        """;

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>"CAST_IN|DIRECTED": names from the enum only, distinct, in enum order.</summary>
    public static string Alternation(IEnumerable<RelationshipType> types) =>
        string.Join('|', types.Distinct().Order().Select(t => t.Name()));

    private static int Bound(int maxHops)
    {
        Limits.Check("maxHops", maxHops, 1, Limits.MaxHopsCeiling);
        return 2 * maxHops;
    }

    /// <summary>Every statement, with parameters of the shape the store sends: the registry as a whole.</summary>
    public static IEnumerable<CypherStatement> All()
    {
        var none = new Dictionary<string, object?>();
        yield return new("schema.personIdConstraint", PersonIdConstraint, none);
        yield return new("schema.filmIdConstraint", FilmIdConstraint, none);
        yield return new("schema.namesFullTextIndex", NamesFullTextIndex, none);
        yield return new("schema.awaitIndexes", AwaitIndexes, P(("seconds", 300L)));

        yield return new("write.nodeKinds", NodeKinds, P(("ids", new[] { "ada", "f1" })));
        yield return new("write.upsertPeople", UpsertPeople, P(("rows", new[] { WriteRows.Person(new Person("ada", "Ada Lovelace", 1815, ["Ada King"])) })));
        yield return new("write.upsertFilms", UpsertFilms, P(("rows", new[] { WriteRows.Film(new Film("f1", "First Light", 1990)) })));
        foreach (var type in RelationshipTypes.All)
        {
            var row = WriteRows.Relationship(new Relationship(type, "ada", type.TargetKind() == NodeKind.Person ? "ben" : "f1",
                new RelationshipProperties(Role: "Hero", Billing: 1, Source: new Source("doc", "quote"))));
            yield return new($"write.upsert{type}", UpsertRelationships(type), P(("rows", new[] { row })));
            yield return new($"write.unlink{type}", Unlink(type), P(("from", "ada"), ("to", "f1")));
        }

        yield return new("read.getPerson", GetPerson, P(("id", "ada")));
        yield return new("read.getFilm", GetFilm, P(("id", "f1")));
        yield return new("read.nodesById", NodesById, P(("ids", new[] { "ada", "f1" })));
        yield return new("read.peopleByKey", PeopleByKey, P(("phrase", "\"ben angstrom\""), ("key", "ben angstrom")));
        yield return new("read.filmsByKey", FilmsByKey, P(("phrase", "\"third rail\""), ("key", "third rail"), ("year", 2000L)));
        yield return new("read.search", Search, P(("query", SearchQuery.Lucene("lovelase")), ("first", 10L)));
        yield return new("read.stats", Stats, none);
        yield return new("read.personCredits", PersonCredits, P(("id", "ada"), ("types", new[] { "CAST_IN" })));
        yield return new("read.personCreditKeys", PersonCreditKeys, P(("id", "ada"), ("types", null)));
        yield return new("read.personCreditsOn", PersonCreditsOn, P(("id", "ada"), ("films", new[] { "f1" }), ("types", new[] { "CAST_IN" })));
        yield return new("read.coStarCount", CoStarCount, P(("id", "ada")));
        yield return new("read.filmCredits", FilmCredits, P(("id", "f1"), ("types", null)));
        yield return new("read.conflicts", Conflicts, P(("id", "ada")));
        yield return new("read.coStars", CoStars, P(("id", "ada"), ("first", 50L)));
        yield return new("read.knownFor", KnownFor, P(("ids", new[] { "ada", "will" }), ("keep", 18L)));
        yield return new("read.knownPeople", KnownPeople, P(("ids", new[] { "f1", "f2" }), ("keep", 18L)));
        yield return new("read.replacementCredits", ReplacementCredits, none);
        yield return new("read.replacementCreditsOfPerson", ReplacementCreditsOfPerson, P(("id", "will")));

        var chain = P(("from", "ada"), ("to", "dora"), ("excludePeople", new[] { "cleo" }), ("excludeFilms", Array.Empty<string>()),
            ("fromYear", 1990L), ("toYear", null), ("cap", (long)ShortestPathCap));
        IReadOnlyList<RelationshipType>[] vias = [[RelationshipType.CastIn], RelationshipTypes.PersonToFilm];
        foreach (var via in vias)
        {
            foreach (var hops in (int[])[1, Limits.DefaultMaxHops, Limits.MaxHopsCeiling])
            {
                yield return new($"read.shortestPaths[{Alternation(via)};{hops}]", ShortestPaths(via, hops), chain);
                yield return new($"read.shortestLength[{Alternation(via)};{hops}]", ShortestLength(via, hops), chain);
                yield return new($"read.shortestCount[{Alternation(via)};{hops}]", ShortestCount(via, hops), chain);
            }
            yield return new($"read.coWorkers[{Alternation(via)}]", CoWorkers(via), P(("frontier", new[] { "ada" })));
        }
        foreach (var via in vias)
        {
            yield return new($"centres.peoplePage[{Alternation(via)}]", CentrePeoplePage(via), P(("after", ""), ("page", 10_000L)));
            yield return new($"centres.viaRelationshipCount[{Alternation(via)}]", ViaRelationshipCount(via), none);
        }
        yield return new("centres.write", WriteCentres, P(("via", "CAST_IN"), ("computedAt", 1_700_000_000_000L), ("candidates", 5000L),
            ("relationships", 12L), ("ids", new[] { "ada" }), ("totals", new[] { 7L }), ("reaches", new[] { 5L })));
        yield return new("centres.read", ReadCentres, P(("via", "CAST_IN")));
        yield return new("read.neighbours", Neighbours, P(("frontier", new[] { "4:x:1" }), ("types", new[] { "CAST_IN" })));
        yield return new("read.edgesAmong", EdgesAmong, P(("elements", new[] { "4:x:1" }), ("types", new[] { "CAST_IN" })));
    }

    private static Dictionary<string, object?> P(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
