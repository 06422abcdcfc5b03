using FilmGraph.Core;
using FilmGraph.Formats;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>
/// Every bad file in corpus/ gives exactly its errors, each with line and JSON path, and leaves a store that already
/// holds the sample data byte for byte as it was.
/// </summary>
public sealed class CorpusTests : IAsyncLifetime
{
    private TempStore? _temp;

    private IGraphStore Store => _temp!.Store;

    public async Task InitializeAsync()
    {
        _temp = await TempStore.OpenAsync();
        var seeded = await GraphImport.ImportFileAsync(RepoFiles.Sample, Store, new ImportOptions());
        Assert.True(seeded.Applied, string.Join("\n", seeded.Errors));
    }

    public async Task DisposeAsync()
    {
        if (_temp is not null) await _temp.DisposeAsync();
    }

    public static TheoryData<string, string[]> BadFiles => new()
    {
        { "empty.json", ["1: $: the file is empty; expected a JSON object { \"people\": [...], \"films\": [...], \"relationships\": [...] }."] },
        { "blank.json", ["1: $: the file is empty; expected a JSON object { \"people\": [...], \"films\": [...], \"relationships\": [...] }."] },
        { "truncated.json", ["4: $: the file ends before the JSON is complete (an object or array is still open)."] },
        { "truncated-after-record.json", ["5: $: the file ends before the JSON is complete (an object or array is still open)."] },
        { "invalid-json.json", ["6: $: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'."] },
        { "trailing.json", ["2: $: invalid JSON: '{' is invalid after a single JSON value. Expected end of data."] },
        { "not-an-object.json", ["1: $: expected a JSON object { \"people\": [...], \"films\": [...], \"relationships\": [...] }, found an array."] },
        {
            "wrong-types.json",
            [
                "3: $.people[0].born: expected a whole number, found the string \"1988\" (write numbers without quotes).",
                "4: $.people[1].name: expected a string, found the number 42.",
                "4: $.people[1].aliases: expected an array of strings, found a string.",
                "7: $.films[0].year: expected a whole number, found the string \"2016\" (write numbers without quotes).",
                "8: $.films[1].year: expected a whole number, found the number 2014.5.",
                "11: $.relationships[0].billing: expected a whole number, found a boolean.",
                "12: $.relationships[1].source: expected an object { \"document\": ..., \"quote\": ... }, found a string.",
            ]
        },
        {
            "unknown-type.json",
            ["10: $.relationships[1].type: unknown relationship type 'CASTED_IN' (known: CAST_IN, DROPPED_FROM, CONFLICTED_WITH, DIRECTED, WROTE, COMPOSED, PRODUCED)."]
        },
        {
            "dangling.json",
            [
                "12: $.relationships[1].from: 'ryan-goslin' is no person in this data or in the store.",
                "16: $.relationships[2].to: DIRECTED needs a film here, but 'emma-stone' is a person.",
            ]
        },
        {
            "duplicate-conflict.json",
            [
                "5: $.people[2]: duplicate person id 'emma-stone' with different data than $.people[0] (line 3).",
                "9: $.films[1]: duplicate film id 'la-la-land-2016' with different data than $.films[0] (line 8).",
                "13: $.relationships[1]: duplicate CAST_IN relationship 'emma-stone' -> 'la-la-land-2016' with different data than $.relationships[0] (line 12).",
            ]
        },
        {
            "unknown-property.json",
            [
                "3: $.people[0].nmae: unknown property 'nmae' (a person has: id, name, born, aliases).",
                "9: $.relationships[0].rol: unknown property 'rol' (a relationship has: type, from, to, role, billing, reason, context, description, source).",
                "11: $.persons: unknown property 'persons' (a document has: people, films, relationships).",
            ]
        },
        {
            "duplicate-property.json",
            [
                "3: $.people[0].name: property 'name' appears twice in this person.",
                "6: $.relationships[0].source.quote: property 'quote' appears twice in this source.",
            ]
        },
        { "garbage.json", ["1: $: invalid JSON: 'nul' is an invalid JSON literal. Expected the literal 'null'."] },
        {
            "missing-fields.json",
            [
                "3: $.people[0].id: missing 'id'.",
                "4: $.people[1].name: missing 'name'.",
                "7: $.films[0].title: missing 'title'.",
                "10: $.relationships[0].type: missing 'type'.",
                "11: $.relationships[1].from: missing 'from'.",
                "12: $.relationships[2].to: missing 'to'.",
            ]
        },
        {
            "store-conflicts.json",
            [
                "3: $.people[0].id: id 'la-la-land-2016' is already used by a film.",
                "6: $.films[0].year: year 1066 is outside 1800..2200.",
                "9: $.relationships[0]: 'miles-teller' cannot be in conflict with themself.",
                "10: $.relationships[1].billing: billing must not be negative; got -1.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gives_its_errors_and_writes_nothing(string name, string[] expected)
    {
        var before = RepoFiles.Fingerprint(_temp!.File);
        var path = RepoFiles.Corpus(name);

        var report = await GraphImport.ImportFileAsync(path, Store, new ImportOptions());

        Assert.False(report.Applied);
        Assert.Equal(WriteSummary.Zero, report.Summary);
        Assert.All(report.Errors, e => Assert.Equal(path, e.File));
        Assert.Equal(expected, ErrorLines.Of(report));
        Assert.Equal(before, RepoFiles.Fingerprint(_temp!.File));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_dry_run_finds_the_same_errors(string name, string[] expected)
    {
        var report = await GraphImport.ImportFileAsync(RepoFiles.Corpus(name), Store, new ImportOptions(DryRun: true));

        Assert.False(report.Applied);
        Assert.Equal(expected, ErrorLines.Of(report));
    }

    [Fact]
    public async Task A_relationship_may_point_at_nodes_already_in_the_store()
    {
        var file = Path.Combine(_temp!.Directory, "more.json");
        await File.WriteAllTextAsync(file, """
            { "relationships": [ { "type": "WROTE", "from": "damien-chazelle", "to": "la-la-land-2016" } ] }
            """);

        var report = await GraphImport.ImportFileAsync(file, Store, new ImportOptions());

        Assert.Empty(report.Errors);
        Assert.True(report.Applied);
        Assert.Equal(new Counts(1, 0, 0), report.Summary.Relationships);
    }
}
