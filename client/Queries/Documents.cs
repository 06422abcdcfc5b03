namespace FilmGraph.Client.Queries;

/// <summary>
/// The documents of the typed calls. Each is a constant, so that its persisted-query hash is the same on every call
/// and in every process: after the first request anywhere, the server (and a cache before it) knows it by hash. Every
/// argument is a variable, and one left out takes the server's default.
/// </summary>
internal static class Documents
{
    private const string PersonFields = "fragment PersonFields on Person { id name born aliases }";

    private const string ChainFields =
        "fragment ChainFields on Chain { length links { from { ...PersonFields } film { id title year } to { ...PersonFields } fromRole toRole fromType toType } } "
        + PersonFields;

    public const string Person = "query Person($id: ID!) { person(id: $id) { ...PersonFields } } " + PersonFields;

    public const string Search = "query Search($text: String!, $first: Int) { search(text: $text, first: $first) { kind id label score } }";

    public const string CoStarChain =
        "query CoStarChain($from: ID!, $to: ID!, $maxHops: Int, $via: [RelationshipType!], $excludeFilms: [ID!], $excludePeople: [ID!], $fromYear: Int, $toYear: Int) "
        + "{ coStarChain(from: $from, to: $to, maxHops: $maxHops, via: $via, excludeFilms: $excludeFilms, excludePeople: $excludePeople, fromYear: $fromYear, toYear: $toYear) "
        + "{ ...ChainFields } } " + ChainFields;

    public const string CoStarChains =
        "query CoStarChains($from: ID!, $to: ID!, $maxHops: Int, $via: [RelationshipType!], $first: Int) "
        + "{ coStarChains(from: $from, to: $to, maxHops: $maxHops, via: $via, first: $first) { ...ChainFields } } " + ChainFields;

    public const string CoStarChainsConnection =
        "query CoStarChainsConnection($from: ID!, $to: ID!, $maxHops: Int, $via: [RelationshipType!], $first: Int, $after: String) "
        + "{ coStarChainsConnection(from: $from, to: $to, maxHops: $maxHops, via: $via, first: $first, after: $after) "
        + "{ edges { cursor node { ...ChainFields } } pageInfo { hasNextPage endCursor } totalCount } } " + ChainFields;

    public const string Reach =
        "query Reach($id: ID!, $maxHops: Int, $via: [RelationshipType!]) { reach(id: $id, maxHops: $maxHops, via: $via) "
        + "{ id levels { distance people } reachable averageDistance } }";

    public const string Replacements =
        "query Replacements($film: ID) { replacements(film: $film) "
        + "{ film { id title year } role dropped { ...PersonFields } cast { ...PersonFields } reason source { document quote } } } " + PersonFields;

    private const string WriteFields = "{ created updated unchanged deleted }";

    public const string UpsertPerson = "mutation UpsertPerson($person: PersonInput!) { upsertPerson(person: $person) " + WriteFields + " }";

    public const string UpsertFilm = "mutation UpsertFilm($film: FilmInput!) { upsertFilm(film: $film) " + WriteFields + " }";

    public const string Link = "mutation Link($relationship: RelationshipInput!) { link(relationship: $relationship) " + WriteFields + " }";

    public const string Unlink = "mutation Unlink($type: RelationshipType!, $from: ID!, $to: ID!) { unlink(type: $type, from: $from, to: $to) " + WriteFields + " }";

    public const string ImportDocument = "mutation ImportDocument($document: String!) { importDocument(document: $document) " + WriteFields + " }";
}
