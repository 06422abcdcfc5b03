using FilmGraph.Core;
using static FilmGraph.Formats.Tests.FormatTestKit;

namespace FilmGraph.Formats.Tests;

/// <summary>JSON Lines: kinds given or inferred, lines in any order, every bad line rejected in its place.</summary>
public sealed class JsonLinesTests
{
    private static readonly byte[] Lines =
    [
        .. """
        {"type":"CAST_IN","from":"a","to":"f","role":"X"}
        {"kind":"person","id":"a","name":"A","aliases":["Ay"]}
        {"id":"f","title":"F","year":2000}

        {"type":"CAST_IN","from":"a","to":"g"}
        {"id":"b","name":"B","born":"1990"}
        {bad
        {"id":"c"}
        {"kind":"film","id":"h","title":"H","rating":5}
        {"id":"a","name":"A2"}
        {"type":"CAST_IN","from":"f","to":"a"}
        {"id":"d","name":"D
        """u8.ToArray().SelectMany(b => b == (byte)'\n' ? "\r\n"u8.ToArray() : [b]),
        0xFF, .. "\"}\r\n"u8,
    ];

    [Fact]
    public async Task Every_edge_case_has_its_exact_outcome()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        var file = WriteBytes(temp, "records.jsonl", [.. "\uFEFF"u8, .. Lines]);

        var report = await ImportAsync(temp.Store, new ImportOptions(), file);

        Assert.Equal(
            [
                "records.jsonl:6: $.born: expected a whole number, found the string \"1990\".",
                "records.jsonl:7: $: invalid JSON: 'b' is an invalid start of a property name. Expected a '\"'.",
                "records.jsonl:8: $: cannot tell what this is: give \"kind\", or \"type\" (a relationship), \"title\" (a film) or \"name\" (a person).",
                "records.jsonl:9: $.rating: unknown property 'rating' (a film has: kind, id, title, year).",
                "records.jsonl:10: duplicate person id 'a' with different data than line 2.",
                "records.jsonl:12: $: the line is not valid UTF-8.",
                "records.jsonl:5: to: 'g' is no film in this data or in the store.",
                "records.jsonl:11: from: CAST_IN needs a person here, but 'f' is a film; to: CAST_IN needs a film here, but 'a' is a person.",
            ],
            Errors(report));
        Assert.Equal(Created(1, 1, 1), report.Summary);
        Assert.Equal(new GraphStats(3, 2, 3), report.Records);
        Assert.Equal(new GraphStats(2, 1, 2), report.Rejected);
        Assert.Equal(3, report.Unreadable);
        Assert.Equal(new Person("a", "A", null, ["Ay"]), await temp.Store.GetPersonAsync("a"));
        Assert.Equal("X", (await temp.Store.FilmCreditsAsync("f", null)).Single().Properties.Role);
    }

    [Fact]
    public async Task Batches_are_written_whole_and_a_refused_record_costs_only_itself()
    {
        await using var temp = await TempStore.OpenAsync();
        var lines = Enumerable.Range(0, 10).Select(i => $$"""{"id":"p{{i}}","name":"P {{i}}"}""")
            .Append("""{"id":"p3","title":"Not a film"}""")
            .Concat(Enumerable.Range(0, 10).Select(i => $$"""{"type":"CONFLICTED_WITH","from":"p{{i}}","to":"p{{(i + 1) % 10}}"}"""))
            .Append("""{"type":"CONFLICTED_WITH","from":"p4","to":"p4"}""");
        var file = Write(temp, "many.jsonl", string.Join("\n", lines));

        var report = await ImportAsync(temp.Store, new ImportOptions { BatchSize = 3 }, file);

        Assert.Equal(
            [
                "many.jsonl:11: id: id 'p3' is already used by a person.",
                "many.jsonl:22: 'p4' cannot be in conflict with themself.",
            ],
            Errors(report));
        Assert.Equal(Created(10, 0, 10), report.Summary);

        await using var fresh = await TempStore.OpenAsync();
        var dry = await ImportAsync(fresh.Store, new ImportOptions(DryRun: true) { BatchSize = 3 }, file);
        Assert.Equal(Errors(report), Errors(dry));
        Assert.Equal(WriteSummary.Zero, dry.Summary);
    }

    [Fact]
    public async Task A_relationship_named_by_kind_alone_is_read_in_the_relationship_pass()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = Write(temp, "kinds.jsonl",
            """
            {"kind":"relationship","from":"a","to":"f"}
            {"kind":"relationship","type":"DIRECTED","from":"a","to":"f"}
            {"from":"a","to":"f"}
            {"kind":"person","id":"a","name":"A"}
            {"kind":"film","id":"f","title":"F"}
            {"id":"t","name":"type"}
            {"id":"u","name":"\"type\": none"}
            {bad "type": 1}
            {"id":"v","name":"V","aliases":[{"type":1}]}
            """);

        var report = await ImportAsync(temp.Store, new ImportOptions(), file);

        Assert.Equal(
            [
                "kinds.jsonl:3: $: cannot tell what this is: give \"kind\", or \"type\" (a relationship), \"title\" (a film) or \"name\" (a person).",
                "kinds.jsonl:1: $.type: missing 'type'.",
                "kinds.jsonl:8: $: invalid JSON: 'b' is an invalid start of a property name. Expected a '\"'.",
                "kinds.jsonl:9: $.aliases: expected an array of strings, found an object.",
            ],
            Errors(report));
        Assert.Equal(Created(3, 1, 1), report.Summary);
        Assert.Equal(new GraphStats(0, 0, 0), report.SkippedRecords);
    }

    public static TheoryData<string, string> OneFault => new()
    {
        { "people", """{"id":"a","name":""}""" },
        { "people", """{"id":"a","name":42}""" },
        { "people", $$"""{"id":"a","name":"{{new string('n', 2001)}}"}""" },
        { "people", """{"id":"a","name":"A","aliases":["A2",5]}""" },
        { "people", """{"id":"a","name":"A","aliases":"A2"}""" },
        { "films", """{"id":"f","title":"F","year":2014.5}""" },
        { "relationships", """{"type":"CASTED_IN","from":"a","to":"f"}""" },
        { "relationships", """{"type":"CAST_IN","from":"a"}""" },
        { "relationships", """{"type":"CAST_IN","from":"a","to":"f","source":"article.txt"}""" },
        { "relationships", """{"type":"CAST_IN","from":"a","to":"f","source":{"quote":"q"}}""" },
        { "relationships", """{"type":"CAST_IN","from":"a","to":"f","source":{"document":"d","page":3}}""" },
    };

    [Theory]
    [MemberData(nameof(OneFault))]
    public async Task A_line_is_held_to_the_checks_of_a_document_record_in_the_same_words(string list, string record)
    {
        await using var temp = await TempStore.OpenAsync();
        var line = Write(temp, "record.jsonl", record);
        var document = Write(temp, "record.json", $$"""{"{{list}}": [{{record}}]}""");

        var fromLine = Assert.Single((await ImportAsync(temp.Store, new ImportOptions(DryRun: true), line)).Errors);
        var fromDocument = Assert.Single((await ImportAsync(temp.Store, new ImportOptions(DryRun: true), document)).Errors);

        Assert.Equal(fromDocument.Path.Replace($"$.{list}[0]", "$", StringComparison.Ordinal), fromLine.Path);
        Assert.Equal(fromDocument.Message, fromLine.Message);
    }

    [Fact]
    public async Task Null_counts_as_absent_and_a_broken_escape_rejects_only_its_line()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        var file = Write(temp, "nulls.jsonl",
            """
            {"id":"a","name":"A","born":null,"aliases":[null,"Ay"],"kind":"person"}
            {"id":"b","name":"\ud800"}
            {"type":"CAST_IN","from":"a","to":"f","role":null,"billing":null,"source":null}
            {"id":"f","title":"F","year":null}
            """);

        var report = await ImportAsync(temp.Store, new ImportOptions(), file);

        Assert.Equal(["nulls.jsonl:2: $: a string is not valid UTF-8."], Errors(report));
        Assert.Equal(Created(1, 1, 1), report.Summary);
        Assert.Equal(new Person("a", "A", null, ["Ay"]), await temp.Store.GetPersonAsync("a"));
    }
}
