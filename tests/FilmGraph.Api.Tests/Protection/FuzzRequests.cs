using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Malformed requests to /graphql, the same for the same seed: random bytes, truncated JSON, wrong types for query,
/// variables, operationName and extensions, GraphQL token soup, huge numbers, deep JSON nesting, invalid UTF-8, odd
/// content types, flipped bytes, odd top-level JSON and GETs with garbage parameters. Each is at most a few hundred KB.
/// </summary>
public sealed class FuzzRequests(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] ValidQueries =
    [
        "{ stats { people films relationships } }",
        "query($id: ID!) { person(id: $id) { id name credits { type film { id title } } } }",
        "query Find($t: String!) { search(text: $t, first: 5) { id label score } }",
        "query($a: ID!, $b: ID!) { coStarChain(from: $a, to: $b) { length links { film { id } to { id } } } }",
        "{ neighbourhood(id: \"nm00000001\", depth: 2, limit: 50) { truncated nodes { id } } }",
        "fragment P on Person { id name } { person(id: \"nm00000002\") { ...P coStars(first: 3) { person { ...P } } } }",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "!", "$", "@", "...", "=", "|", "&", ",", "\"", "\"\"\"", "#", "\n", " ",
        "query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "__typename", "__schema", "__type",
        "person", "film", "search", "stats", "reach", "id", "name", "credits", "coStars", "first", "limit", "depth", "maxHops",
        "\"nm00000001\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\x\"", "0", "-0", "1e999", "99999999999999999999", "0x10", "1.5e", ".5", "\t", "\r",
        "@include(if: true)", "@skip", "$v", "ID!", "[Int]", "Int!!", "é", "\u2028", "\uFEFF",
    ];

    private static readonly string?[] ContentTypes =
    [
        "text/plain", "application/graphql", "application/json; charset=latin1", "application/json; charset=utf-16",
        "multipart/form-data; boundary=x", "", "application/json;;", "application/x-www-form-urlencoded", "APPLICATION/JSON",
        "application/json; charset=\"utf-8\"", "*/*", "application/graphql-response+json", "application/json; charset=",
        "application/json; q=0; charset=utf-8; charset=ascii", "json", ";", "application/jsonx", "application/json\u0001", null,
    ];

    private static readonly string?[] Accepts =
    [
        null, "application/json", ApiServer.GraphQLResponse, "*/*", "text/html", "application/graphql-response+json;q=0",
        "application/json;q=0.5, application/graphql-response+json;q=0.9", "garbage", "", "application/*",
    ];

    private static readonly string[] Kinds =
    [
        "random bytes", "truncated JSON", "wrong types", "token soup", "huge numbers", "deep JSON", "invalid UTF-8",
        "odd content type", "flipped bytes", "odd top level", "GET garbage", "wrong variable types",
    ];

    public FuzzCase Next()
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        var accept = Accepts[_random.Next(Accepts.Length)];
        return kind switch
        {
            "random bytes" => Post(kind, RandomBytes(_random.Next(4096)), accept),
            "truncated JSON" => Post(kind, Truncated(ValidBody()), accept),
            "wrong types" => Post(kind, Utf8(WrongTypes()), accept),
            "token soup" => Post(kind, Request(TokenSoup(_random.Next(1, 3000))), accept),
            "huge numbers" => Post(kind, Utf8(HugeNumbers()), accept),
            "deep JSON" => Post(kind, Utf8(DeepJson(_random.Next(1, 20_000))), accept),
            "invalid UTF-8" => Post(kind, InvalidUtf8(ValidBody()), accept),
            "odd content type" => new FuzzCase(kind, HttpMethod.Post, "/graphql", ValidBody(), ContentTypes[_random.Next(ContentTypes.Length)], accept),
            "flipped bytes" => Post(kind, Flipped(ValidBody()), accept),
            "odd top level" => Post(kind, Utf8(OddTopLevel()), accept),
            "GET garbage" => new FuzzCase(kind, HttpMethod.Get, GetGarbage(), null, null, accept),
            _ => Post(kind, Utf8(WrongVariableTypes()), accept),
        };
    }

    private static FuzzCase Post(string kind, byte[] body, string? accept) => new(kind, HttpMethod.Post, "/graphql", body, "application/json", accept);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Request(string query, object? variables = null) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private byte[] ValidBody() => Request(ValidQueries[_random.Next(ValidQueries.Length)],
        new { id = "nm00000001", a = "nm00000001", b = "nm00000002", t = "an" });

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated(byte[] body) => body[.._random.Next(body.Length)];

    private byte[] Flipped(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = _random.Next(1, 6); i > 0; i--) copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        return copy;
    }

    private string RandomJsonValue(int depth)
    {
        return _random.Next(depth > 3 ? 7 : 9) switch
        {
            0 => "null",
            1 => _random.Next(2) == 0 ? "true" : "false",
            2 => _random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
            3 => new[] { "1e400", "-1e400", "123456789012345678901234567890", "1.7976931348623157e309", "-0", "4.9e-325", "0.0000001" }[_random.Next(7)],
            4 => JsonSerializer.Serialize(TokenSoup(_random.Next(1, 20))),
            5 => "\"\"",
            6 => JsonSerializer.Serialize(ValidQueries[_random.Next(ValidQueries.Length)]),
            7 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => RandomJsonValue(depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(i => $"\"{Tokens[_random.Next(Tokens.Length)].Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}{i}\":{RandomJsonValue(depth + 1)}")) + "}",
        };
    }

    private string WrongTypes()
    {
        var fields = new List<string>();
        foreach (var name in new[] { "query", "variables", "operationName", "extensions", "unknown" })
            if (_random.Next(3) > 0) fields.Add($"\"{name}\":{RandomJsonValue(0)}");
        if (_random.Next(4) == 0) fields.Add($"\"query\":{RandomJsonValue(0)}");
        return "{" + string.Join(",", fields) + "}";
    }

    private string TokenSoup(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(Tokens[_random.Next(Tokens.Length)]).Append(_random.Next(3) == 0 ? "" : " ");
        return text.ToString();
    }

    private string HugeNumbers()
    {
        string[] numbers = ["1e400", "-1e400", "99999999999999999999999999", "-99999999999999999999", "2147483648", "-2147483649",
            "1.7976931348623157e309", "1e-400", "0.1e1", "1E+2", "123456789012345678901234567890.5"];
        var n = numbers[_random.Next(numbers.Length)];
        return _random.Next(3) switch
        {
            0 => JsonSerializer.Serialize(new { query = $"{{ search(text: \"an\", first: {n}) {{ id }} }}" }),
            1 => $$$"""{"query":"query($n: Int) { search(text: \"an\", first: $n) { id } }","variables":{"n":{{{n}}}}}""",
            _ => $$$"""{"query":"query($id: ID!) { person(id: $id) { id } }","variables":{"id":{{{n}}}}}""",
        };
    }

    private string DeepJson(int depth)
    {
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return _random.Next(3) switch
        {
            0 => nested,
            1 => $$$"""{"query":"query($v: [Int]) { __typename }","variables":{"v":{{{nested}}}}}""",
            _ => $$$"""{"query":"{ __typename }","extensions":{{{nested}}}}""",
        };
    }

    private byte[] InvalidUtf8(byte[] body)
    {
        byte[][] bad = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFE, 0xFF], [0x00]];
        var text = new List<byte>(body);
        // Inside the query string, past its opening quote.
        var at = Math.Min(text.Count - 1, 11 + _random.Next(Math.Max(1, text.Count - 12)));
        text.InsertRange(at, bad[_random.Next(bad.Length)]);
        return [.. text];
    }

    private string OddTopLevel() => _random.Next(8) switch
    {
        0 => """[{"query":"{ stats { people } }"}]""",
        1 => "\"{ stats { people } }\"",
        2 => "42",
        3 => "null",
        4 => "",
        5 => """{"query":"{ stats { people } }"} trailing""",
        6 => """{"query":"{ stats { people } }",}""",
        _ => """{"query":"{ stats { people } }"}{"query":"{ stats { films } }"}""",
    };

    private string GetGarbage()
    {
        var query = Uri.EscapeDataString(_random.Next(2) == 0 ? TokenSoup(_random.Next(1, 200)) : ValidQueries[_random.Next(ValidQueries.Length)]);
        var variables = Uri.EscapeDataString(_random.Next(2) == 0 ? RandomJsonValue(0) : TokenSoup(_random.Next(1, 20)));
        return _random.Next(4) switch
        {
            0 => $"/graphql?query={query}",
            1 => $"/graphql?query={query}&variables={variables}",
            2 => $"/graphql?query={query}&extensions={variables}&operationName={variables}",
            _ => $"/graphql?query={query}&query={query}&variables=%FF%FE",
        };
    }

    private string WrongVariableTypes()
    {
        var value = RandomJsonValue(0);
        return _random.Next(3) switch
        {
            0 => $$$"""{"query":"query($id: ID!) { person(id: $id) { id } }","variables":{"id":{{{value}}}}}""",
            1 => $$$"""{"query":"query($t: String!, $f: Int) { search(text: $t, first: $f) { id } }","variables":{"t":{{{value}}},"f":{{{RandomJsonValue(0)}}}}}""",
            _ => $$$"""{"query":"query($v: [RelationshipType!]) { coStarChain(from: \"nm00000001\", to: \"nm00000002\", via: $v) { length } }","variables":{"v":{{{value}}}}}""",
        };
    }
}
