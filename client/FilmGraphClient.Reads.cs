using System.Text.Json;
using System.Text.Json.Nodes;
using FilmGraph.Client.Json;
using FilmGraph.Client.Queries;

namespace FilmGraph.Client;

// The common questions, one document each (Queries/Documents.cs). A parameter left null is not sent, so the server's
// default applies (maxHops 6, via [CAST_IN], first 10).
public sealed partial class FilmGraphClient
{
    private static FilmGraphJsonContext Json => FilmGraphJsonContext.Default;

    /// <summary>One person by id.</summary>
    /// <param name="id">The person's id, e.g. <c>emma-stone</c>.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    /// <exception cref="FilmGraphException">With <see cref="FilmGraphCodes.NotFound"/> when nobody has that id.</exception>
    public Task<Person> GetPersonAsync(string id, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return RequiredFieldAsync(Documents.Person, "person", new JsonObject { ["id"] = id }, Json.Person, ct);
    }

    /// <summary>People and films by name or title, best first: whole words, then prefixes, then small typos.</summary>
    /// <param name="text">What to look for; at most 200 characters.</param>
    /// <param name="first">How many to return, at most 100.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first = 10, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RequiredFieldAsync(Documents.Search, "search", new JsonObject { ["text"] = text, ["first"] = first }, Json.IReadOnlyListSearchHit, ct);
    }

    /// <summary>
    /// One shortest co-star chain from one person to another, or null when there is none within <paramref name="maxHops"/>.
    /// Among several shortest chains it is the least read as film id, person id, film id, ...
    /// </summary>
    /// <param name="from">The person the chain starts at.</param>
    /// <param name="to">The person the chain ends at.</param>
    /// <param name="maxHops">The most films the chain may pass through (server default 6, at most 12).</param>
    /// <param name="via">The relationships a chain may travel over (server default cast in only).</param>
    /// <param name="excludeFilms">Films the chain may not pass through.</param>
    /// <param name="excludePeople">People the chain may not pass through.</param>
    /// <param name="fromYear">Pass only through films of this year or later.</param>
    /// <param name="toYear">Pass only through films of this year or earlier.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    /// <exception cref="FilmGraphException">With <see cref="FilmGraphCodes.NotFound"/> for an unknown person, <see cref="FilmGraphCodes.BadUserInput"/> for an argument out of range.</exception>
    public Task<Chain?> CoStarChainAsync(string from, string to, int? maxHops = null, IEnumerable<RelationshipType>? via = null,
        IEnumerable<string>? excludeFilms = null, IEnumerable<string>? excludePeople = null, int? fromYear = null, int? toYear = null,
        CancellationToken ct = default)
    {
        var variables = ChainVariables(from, to, maxHops, via);
        Add(variables, "excludeFilms", excludeFilms);
        Add(variables, "excludePeople", excludePeople);
        Add(variables, "fromYear", fromYear);
        Add(variables, "toYear", toYear);
        return FieldAsync(Documents.CoStarChain, "coStarChain", variables, Json.Chain, ct);
    }

    /// <summary>The shortest co-star chains, up to <paramref name="first"/>, in the order <see cref="CoStarChainAsync"/> picks from; empty when there is none.</summary>
    /// <param name="from">The person the chains start at.</param>
    /// <param name="to">The person the chains end at.</param>
    /// <param name="first">How many to return, at most 100.</param>
    /// <param name="maxHops">The most films a chain may pass through.</param>
    /// <param name="via">The relationships a chain may travel over.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    public Task<IReadOnlyList<Chain>> CoStarChainsAsync(string from, string to, int first = 10, int? maxHops = null,
        IEnumerable<RelationshipType>? via = null, CancellationToken ct = default)
    {
        var variables = ChainVariables(from, to, maxHops, via);
        variables["first"] = first;
        return RequiredFieldAsync(Documents.CoStarChains, "coStarChains", variables, Json.IReadOnlyListChain, ct);
    }

    /// <summary>
    /// One page of the shortest co-star chains (<c>coStarChainsConnection</c>), in the order of
    /// <see cref="CoStarChainsAsync"/>: up to <paramref name="first"/> after the cursor <paramref name="after"/>. Pass
    /// the page's <see cref="ChainPage.EndCursor"/> as <paramref name="after"/> for the next page while
    /// <see cref="ChainPage.HasNextPage"/>.
    /// </summary>
    /// <param name="from">The person the chains start at.</param>
    /// <param name="to">The person the chains end at.</param>
    /// <param name="first">How many chains the page holds at most (server default 20, at most 100).</param>
    /// <param name="after">The cursor the page starts behind; null for the first page.</param>
    /// <param name="maxHops">The most films a chain may pass through.</param>
    /// <param name="via">The relationships a chain may travel over.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    public async Task<ChainPage> CoStarChainsPageAsync(string from, string to, int? first = null, string? after = null, int? maxHops = null,
        IEnumerable<RelationshipType>? via = null, CancellationToken ct = default)
    {
        var variables = ChainVariables(from, to, maxHops, via);
        Add(variables, "first", first);
        Add(variables, "after", after);
        var connection = await RequiredFieldAsync(Documents.CoStarChainsConnection, "coStarChainsConnection", variables, Json.ChainConnection, ct);
        var edges = (connection.Edges ?? []).Where(e => e?.Node is not null).Select(e => e!).ToList();
        return new ChainPage(
            [.. edges.Select(e => e.Node!)], [.. edges.Select(e => e.Cursor)],
            connection.PageInfo.HasNextPage, connection.PageInfo.EndCursor, connection.TotalCount);
    }

    /// <summary>How many people are at each co-star distance from a person, up to <paramref name="maxHops"/>.</summary>
    /// <param name="id">The person to measure from.</param>
    /// <param name="maxHops">The most films a chain may pass through.</param>
    /// <param name="via">The relationships a chain may travel over.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    public Task<Reach> ReachAsync(string id, int? maxHops = null, IEnumerable<RelationshipType>? via = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var variables = new JsonObject { ["id"] = id };
        Add(variables, "maxHops", maxHops);
        Add(variables, "via", via);
        return RequiredFieldAsync(Documents.Reach, "reach", variables, Json.Reach, ct);
    }

    /// <summary>Who replaced whom: on one film, or everywhere when <paramref name="film"/> is null.</summary>
    /// <param name="film">The film's id.</param>
    /// <param name="ct">Stops waiting for the answer.</param>
    public Task<IReadOnlyList<Replacement>> ReplacementsAsync(string? film = null, CancellationToken ct = default)
    {
        var variables = new JsonObject();
        Add(variables, "film", film);
        return RequiredFieldAsync(Documents.Replacements, "replacements", variables, Json.IReadOnlyListReplacement, ct);
    }

    private static JsonObject ChainVariables(string from, string to, int? maxHops, IEnumerable<RelationshipType>? via)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var variables = new JsonObject { ["from"] = from, ["to"] = to };
        Add(variables, "maxHops", maxHops);
        Add(variables, "via", via);
        return variables;
    }

    private static void Add(JsonObject variables, string name, string? value)
    {
        if (value is not null) variables[name] = value;
    }

    private static void Add(JsonObject variables, string name, int? value)
    {
        if (value is not null) variables[name] = value.Value;
    }

    private static void Add(JsonObject variables, string name, IEnumerable<string>? values)
    {
        if (values is not null) variables[name] = JsonSerializer.SerializeToNode(values.ToArray(), Json.StringArray);
    }

    private static void Add(JsonObject variables, string name, IEnumerable<RelationshipType>? values)
    {
        if (values is not null) variables[name] = JsonSerializer.SerializeToNode(values.ToArray(), Json.RelationshipTypeArray);
    }
}
