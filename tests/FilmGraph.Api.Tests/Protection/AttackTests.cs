using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Hostile requests against the real API over the larger graph (<see cref="BigGraphServer"/>): each is answered,
/// refused or not, within <see cref="AttackProbe.MaxAnswerTime"/>, with the code of the limit it hits, while memory
/// stays flat and a person lookup beside it is answered quickly. Where an outer limit (body size, query length,
/// tokens) answers first, the same document is also sent to an instance with those lifted, to see that the check
/// behind holds too.
/// </summary>
[Collection(BigGraphCollection.Name)]
public sealed class AttackTests(BigGraphServer server, ITestOutputHelper output) : IDisposable
{
    private readonly AttackProbe _probe = new(server, server.Address, output);

    public void Dispose() => _probe.Dispose();

    private static void AssertRefused(AttackResult result, string code, int status = 200)
    {
        AttackProbe.AssertBounded(result);
        Assert.Equal(status, result.Answer.Status);
        Assert.Equal(code, result.Answer.Code);
        Assert.Null(result.Answer.Json["data"]);
        AttackProbe.AssertBoundedErrors(result.Answer);
    }

    [Fact]
    public async Task Forty_fragments_each_spreading_the_one_before_twice_are_TOO_MANY_FIELDS()
    {
        var query = AttackQueries.FragmentBomb(40);
        Assert.InRange(query.Length, 1_400, 1_800);
        var result = await _probe.PostAsync("40 fragments", AttackProbe.Json(new { query }), ApiServer.GraphQLResponse);
        AssertRefused(result, "TOO_MANY_FIELDS", status: 400);
        Assert.Equal(ApiServer.GraphQLResponse, result.Answer.MediaType);
        Assert.Equal(2048, (int)result.Answer.Error["extensions"]!["limit"]!);
    }

    [Fact]
    public async Task Credits_nested_from_the_best_connected_person_are_COST_LIMIT_EXCEEDED()
    {
        // Six levels: 14 deep with the id, within the selection depth limit (15), so that the cost is what refuses it.
        var query = AttackQueries.NestedCredits(server.BestConnected, levels: 6);
        Assert.InRange(query.Length, 120, 150);
        var result = await _probe.PostAsync("nested credits", AttackProbe.Json(new { query }));
        AssertRefused(result, "COST_LIMIT_EXCEEDED");
        var extensions = result.Answer.Error["extensions"]!;
        Assert.Equal(new FilmGraph.Api.Protection.RequestLimits().MaxCost, (long)extensions["limit"]!);
        Assert.True((long)extensions["cost"]! > (long)extensions["limit"]!, extensions.ToJsonString());
    }

    [Fact]
    public async Task Five_hundred_aliases_of_the_widest_neighbourhood_are_refused()
    {
        var query = AttackQueries.Aliases(500, "neighbourhood(id: $id, depth: 3, limit: 5000) { truncated }");
        var result = await _probe.PostAsync("500 neighbourhoods", AttackProbe.Json(new { query, variables = new { id = server.BestConnected } }));
        AttackProbe.AssertBounded(result);
        Assert.Contains(result.Answer.Code, new[] { "TOO_MANY_ALIASES", "COST_LIMIT_EXCEEDED" });
        Assert.Null(result.Answer.Json["data"]);
    }

    [Fact]
    public async Task The_first_request_to_a_fresh_instance_is_priced_like_any_other()
    {
        // Until the schema is initialized its fields have no types; the cost analysis must not price them at nothing.
        var fresh = await server.StartAsync(new Dictionary<string, string?>());
        using var probe = new AttackProbe(server, new Uri(ApiHost.Address(fresh)), output);
        var query = AttackQueries.NestedCredits(server.BestConnected, levels: 6);
        var result = await probe.RunAsync("nested credits, first request of an instance", () => probe.Client.PostAsync(query));
        AssertRefused(result, "COST_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Aliases_of_the_widest_neighbourhood_under_the_alias_limit_are_refused_or_fast()
    {
        var query = AttackQueries.Aliases(250, "neighbourhood(id: $id, depth: 3, limit: 5000) { truncated }");
        var result = await _probe.PostAsync("250 neighbourhoods", AttackProbe.Json(new { query, variables = new { id = server.BestConnected } }));
        AttackProbe.AssertBounded(result);
    }

    [Fact]
    public async Task Aliases_of_the_co_stars_of_the_best_connected_person_are_refused_or_fast()
    {
        var query = AttackQueries.Aliases(25, "person(id: $id) { coStars(first: 1) { person { id } } }");
        var result = await _probe.PostAsync("25 coStars of the hub", AttackProbe.Json(new { query, variables = new { id = server.BestConnected } }));
        AttackProbe.AssertBounded(result);
    }

    [Fact]
    public async Task A_syntax_error_at_the_end_of_a_60_KB_line_is_placed_exactly_and_fast()
    {
        var (query, column) = AttackQueries.SyntaxErrorAtEnd(60_000);
        Assert.DoesNotContain('\n', query);
        var result = await _probe.PostAsync("60 KB line, syntax error at its end", AttackProbe.Json(new { query }));
        AssertRefused(result, "SYNTAX_ERROR");
        JsonAssert.Equal($$"""[{ "line": 1, "column": {{column}} }]""", result.Answer.Error["locations"]);
        Assert.StartsWith($"Syntax error at line 1, column {column}:", (string?)result.Answer.Error["message"]);
    }

    /// <summary>Found by the fuzz test: the parser's own error message failed (a 500) on a line that ends in a lone \r.</summary>
    [Theory]
    [InlineData("{ a \r }}", 2, 3)]
    [InlineData("{\r\r\r a }}", 4, 5)]
    [InlineData("{ a \r\n }}", 2, 3)]
    public async Task A_syntax_error_after_a_lone_carriage_return_is_a_SYNTAX_ERROR(string query, int line, int column)
    {
        var result = await _probe.PostAsync("syntax error after \\r", AttackProbe.Json(new { query }));
        AssertRefused(result, "SYNTAX_ERROR");
        JsonAssert.Equal($$"""[{ "line": {{line}}, "column": {{column}} }]""", result.Answer.Error["locations"]);
    }

    [Fact]
    public async Task A_5_MB_query_is_refused_before_it_is_read_whole()
    {
        var query = AttackQueries.Typenames(5_000_000 / 11);
        Assert.InRange(query.Length, 4_900_000, 5_100_000);
        var result = await _probe.PostAsync("5 MB query", AttackProbe.Json(new { query }));
        AttackProbe.AssertBounded(result);
        Assert.Contains(result.Answer.Code, new[] { "PAYLOAD_TOO_LARGE", "QUERY_TOO_LONG" });
        Assert.Equal(result.Answer.Code == "PAYLOAD_TOO_LARGE" ? 413 : 200, result.Answer.Status);
        AttackProbe.AssertBoundedErrors(result.Answer);
    }

    /// <summary>
    /// Documents of many small parts: at the defaults an outer limit refuses most first (<paramref name="atDefaults"/>);
    /// with those lifted, the check for what it has many of (<paramref name="behind"/>). 5,000 aliased fields are
    /// 5,000 fields too, and the field count is checked before the alias count.
    /// </summary>
    [Theory]
    [InlineData("100,000 __typename", "PAYLOAD_TOO_LARGE", "TOO_MANY_FIELDS")]
    [InlineData("5,000 conflicting aliases", "TOO_MANY_TOKENS", "TOO_MANY_FIELDS")]
    [InlineData("1,000 conflicting aliases", "TOO_MANY_ALIASES", "TOO_MANY_ALIASES")]
    [InlineData("20,000 duplicate fields", "QUERY_TOO_LONG", "TOO_MANY_FIELDS")]
    [InlineData("20,000 directives", "QUERY_TOO_LONG", "TOO_MANY_DIRECTIVES")]
    [InlineData("50,000 unused variables", "QUERY_TOO_LONG", "TOO_MANY_VARIABLES")]
    [InlineData("selections 10,000 deep", "TOO_MANY_TOKENS", "MAX_DEPTH_EXCEEDED")]
    [InlineData("selections 4,000 deep", "MAX_DEPTH_EXCEEDED", "MAX_DEPTH_EXCEEDED")]
    [InlineData("a list value 10,000 deep", "TOO_MANY_TOKENS", "MAX_DEPTH_EXCEEDED")]
    [InlineData("a list value 5,000 deep", "MAX_DEPTH_EXCEEDED", "MAX_DEPTH_EXCEEDED")]
    public async Task Documents_of_many_parts_are_refused_with_their_code(string attack, string atDefaults, string behind)
    {
        var query = attack switch
        {
            "100,000 __typename" => AttackQueries.Typenames(100_000),
            "5,000 conflicting aliases" => AttackQueries.ConflictingAliases(5_000),
            "1,000 conflicting aliases" => AttackQueries.ConflictingAliases(1_000),
            "20,000 duplicate fields" => AttackQueries.DuplicateFields(20_000),
            "20,000 directives" => AttackQueries.Directives(20_000),
            "50,000 unused variables" => AttackQueries.UnusedVariables(50_000),
            "selections 10,000 deep" => AttackQueries.DeepSelections(10_000),
            "selections 4,000 deep" => AttackQueries.DeepSelections(4_000),
            "a list value 10,000 deep" => AttackQueries.DeepList(10_000),
            "a list value 5,000 deep" => AttackQueries.DeepList(5_000),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };
        var defaults = await _probe.PostAsync($"{attack}, defaults", AttackProbe.Json(new { query }));
        AssertRefused(defaults, atDefaults, atDefaults == "PAYLOAD_TOO_LARGE" ? 413 : 200);

        using var lifted = new AttackProbe(server, await server.OuterLimitsLiftedAsync(), output);
        AssertRefused(await lifted.PostAsync($"{attack}, outer limits lifted", AttackProbe.Json(new { query })), behind);
    }

    /// <summary>Many errors, while executing (each alias NOT_FOUND) or from validation (each field unknown): 50 kept, the rest summed up.</summary>
    [Theory]
    [InlineData("person(id: $id) { id }", "NOT_FOUND")]
    [InlineData("person(id: $id) { nope }", "FIELDS_ON_CORRECT_TYPE")]
    public async Task Two_hundred_errors_are_cut_to_fifty_and_one_that_counts_the_rest(string field, string code)
    {
        var query = AttackQueries.Aliases(200, field);
        var result = await _probe.PostAsync($"200 errors: {field}", AttackProbe.Json(new { query, variables = new { id = "nobody" } }));
        AttackProbe.AssertBounded(result);
        AttackProbe.AssertBoundedErrors(result.Answer);
        var errors = result.Answer.Json["errors"]!.AsArray();
        Assert.Equal(51, errors.Count);
        Assert.Equal(code, (string?)errors[0]!["extensions"]!["code"]);
        Assert.Equal("TOO_MANY_ERRORS", (string?)errors[50]!["extensions"]!["code"]);
        Assert.Equal("150 more errors were left out.", (string?)errors[50]!["message"]);
    }

    [Fact]
    public async Task A_20_MB_id_in_a_variable_is_413_with_a_GraphQL_body()
    {
        var content = AttackProbe.Json(new { query = "query($id: ID!) { person(id: $id) { id } }", variables = new { id = new string('x', 20 << 20) } });
        var result = await _probe.PostAsync("20 MB id", content);
        AssertRefused(result, "PAYLOAD_TOO_LARGE", status: 413);
        Assert.Equal("application/json", result.Answer.MediaType);
    }

    [Fact]
    public async Task A_150_KB_id_under_the_body_limit_is_BAD_USER_INPUT_with_a_short_message()
    {
        var content = AttackProbe.Json(new { query = "query($id: ID!) { person(id: $id) { id } }", variables = new { id = new string('x', 150 << 10) } });
        var result = await _probe.PostAsync("150 KB id", content);
        AttackProbe.AssertBounded(result);
        Assert.Equal(200, result.Answer.Status);
        Assert.Equal("BAD_USER_INPUT", result.Answer.Code);
        var message = (string)result.Answer.Error["message"]!;
        Assert.True(message.Length < 1000, $"the message is {message.Length} characters long");
        Assert.True(result.Answer.Body.Length < 4096, $"the answer is {result.Answer.Body.Length} characters long");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_413_with_a_GraphQL_body(bool sized)
    {
        // Valid JSON, a query padded with spaces past the 1 MB body limit.
        var body = Encoding.UTF8.GetBytes($$"""{"query":"{ stats { people } }{{new string(' ', (1 << 20) + 1)}}"}""");
        HttpContent content = sized ? AttackProbe.Bytes(body, "application/json") : new UnsizedContent(body, "application/json");
        var result = await _probe.PostAsync(sized ? "body over the limit, Content-Length" : "body over the limit, chunked", content);
        AssertRefused(result, "PAYLOAD_TOO_LARGE", status: 413);
        Assert.Equal($"The request body is larger than {1 << 20} bytes.", (string?)result.Answer.Error["message"]);
    }

    [Fact]
    public async Task An_ordinary_explorer_query_is_not_refused()
    {
        var query = AttackQueries.Explorer(server.WellKnown, server.Ordinary);
        var result = await _probe.PostAsync("explorer query", AttackProbe.Json(new { query }));
        AttackProbe.AssertBounded(result);
        Assert.Equal(200, result.Answer.Status);
        Assert.True(result.Answer.Json["errors"] is null, result.Answer.Body[..Math.Min(2000, result.Answer.Body.Length)]);
        var person = result.Answer.Json["data"]!["person"]!;
        Assert.Equal(server.WellKnown, (string?)person["id"]);
        Assert.NotEmpty(person["credits"]!.AsArray());
        Assert.Equal(20, person["coStars"]!.AsArray().Count);
        Assert.True(result.Answer.Json["data"]!["coStarChain"] is JsonObject, "the two are a chain of at most six films apart");
    }

    /// <summary>A body sent chunked, with no Content-Length, so that the server learns its size only by reading it.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _body;

        public UnsizedContent(byte[] body, string contentType)
        {
            _body = body;
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _body.Length; offset += 64 * 1024)
                await stream.WriteAsync(_body.AsMemory(offset, Math.Min(64 * 1024, _body.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
