using System.IO.Compression;
using System.Text;
using FilmGraph.Core;
using static FilmGraph.Formats.Tests.FormatTestKit;

namespace FilmGraph.Formats.Tests;

/// <summary>IMDb TSV: every edge case in three small files, with its exact outcome; then the real sample.</summary>
public sealed class ImdbTests
{
    private const string Names =
        "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n" +
        "nm0000001\tStephen \"Dr\" Love\t1960\t\\N\tactor\t\\N\n" +
        "nm0000002\tAnne Noyear\t\\N\t\\N\tactress\t\\N\n" +
        "nm0000003\tWill Old\t1564\t1616\twriter\t\\N\n" +
        "nm0000004\tShort Row\t1970\n" +
        "nm0000005\tBad Year\tabc\t\\N\t\\N\t\\N\n";

    private const string Titles =
        "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\r\n" +
        "tt0000001\tmovie\tThe \"Quoted\" Film\tThe \"Quoted\" Film\t0\t2001\t\\N\t90\tDrama\r\n" +
        "tt0000002\tshort\tA Short\tA Short\t0\t2002\t\\N\t10\tDrama\r\n" +
        "tt0000003\tmovie\tNo Year\tNo Year\t0\t\\N\t\\N\t\\N\t\\N\r\n";

    private const string Principals =
        "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n" +
        "tt0000001\t1\tnm0000001\tactor\t\\N\t[\"Mia\"]\n" +
        "tt0000001\t2\tnm0000002\tactress\t\\N\t[\"A\",\"B \\\"Bee\\\"\"]\n" +
        "tt0000001\t3\tnm0000003\twriter\tnovel\t\\N\n" +
        "tt0000001\t4\tnm0000003\twriter\tscreenplay\t\\N\n" +
        "tt0000001\t5\tnm0000002\tcinematographer\t\\N\t\\N\n" +
        "tt0000001\t6\tnm0000099\tdirector\t\\N\t\\N\n" +
        "tt0000002\t1\tnm0000001\tactor\t\\N\t[\"Shorty\"]\n" +
        "tt0000009\t1\tnm0000001\tcomposer\t\\N\t\\N\n" +
        "tt0000003\t1\tnm0000001\tproducer\t\\N\t\\N\n" +
        "tt0000003\t2\tnm0000002\tactor\t\\N\t[not json\n" +
        "tt0000003\t3\tnm0000003\tdirector\n" +
        "tt0000003\t4\tnm0000001\tactor\t\\N\t\\N\n";

    private static string[] WriteFiles(TempStore temp)
    {
        // name.basics gzipped, with a line of bytes that are not UTF-8; title.basics with a byte order mark and CRLF.
        var names = new MemoryStream();
        using (var gzip = new GZipStream(names, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Names));
            gzip.Write([.. "nm0000006\tBad "u8, 0xFF, .. " Bytes\t1980\t\\N\t\\N\t\\N\n"u8]);
        }
        return
        [
            WriteBytes(temp, "name.basics.tsv.gz", names.ToArray()),
            Write(temp, "title.basics.tsv", Titles, byteOrderMark: true),
            Write(temp, "title.principals.tsv", Principals),
        ];
    }

    [Fact]
    public async Task Every_edge_case_has_its_exact_outcome()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        var rejects = new StringWriter();

        var report = await ImportAsync(temp.Store, new ImportOptions { Rejects = rejects }, WriteFiles(temp));

        Assert.Equal(
            [
                "name.basics.tsv.gz:5: 3 fields; the header has 6.",
                "name.basics.tsv.gz:6: birthYear: expected a year, found 'abc'.",
                "name.basics.tsv.gz:7: the line is not valid UTF-8.",
                "title.principals.tsv:11: characters: expected a JSON array of strings, found '[not json'.",
                "title.principals.tsv:12: 4 fields; the header has 6.",
            ],
            Errors(report));
        Assert.Equal(new GraphStats(6, 3, 12), report.Records);
        Assert.Equal(Created(3, 2, 5), report.Summary);
        Assert.Equal(new GraphStats(3, 0, 2), report.Rejected);
        Assert.Equal(new GraphStats(0, 1, 5), report.SkippedRecords);
        Assert.Equal(
            [
                "Film 1: titleType 'short' is not imported (--title-types) @ title.basics.tsv:3",
                "Relationship 1: another row for the same person, title and category (merged) @ title.principals.tsv:5",
                "Relationship 1: category 'cinematographer' is not imported @ title.principals.tsv:6",
                "Relationship 1: dangling: the person is not in name.basics.tsv @ title.principals.tsv:7",
                "Relationship 1: dangling: the title is not in title.basics.tsv @ title.principals.tsv:9",
                "Relationship 1: the title's titleType is not imported (--title-types) @ title.principals.tsv:8",
            ],
            Skips(report));
        var adjusted = Assert.Single(report.Adjusted);
        Assert.Equal("birthYear outside 1800..2200: kept without it", adjusted.Reason);

        var store = temp.Store;
        Assert.Equal(new Person("nm0000001", "Stephen \"Dr\" Love", 1960), await store.GetPersonAsync("nm0000001"));
        Assert.Equal(new Person("nm0000003", "Will Old"), await store.GetPersonAsync("nm0000003"));
        Assert.Equal(new Film("tt0000003", "No Year"), await store.GetFilmAsync("tt0000003"));
        Assert.Equal(
            [
                ("nm0000001", RelationshipType.CastIn, "Mia"),
                ("nm0000002", RelationshipType.CastIn, "A / B \"Bee\""),
                ("nm0000003", RelationshipType.Wrote, null),
            ],
            (await store.FilmCreditsAsync("tt0000001", null)).Select(c => (c.Person.Id, c.Type, c.Properties.Role)));
        Assert.Equal(
            [("nm0000001", RelationshipType.CastIn, null), ("nm0000001", RelationshipType.Produced, null)],
            (await store.FilmCreditsAsync("tt0000003", null)).Select(c => (c.Person.Id, c.Type, c.Properties.Role)));

        var lines = rejects.ToString().Split('\n');
        var at = Array.FindIndex(lines, l => l.EndsWith("title.principals.tsv:11: characters: expected a JSON array of strings, found '[not json'.", StringComparison.Ordinal));
        Assert.True(at >= 0, rejects.ToString());
        Assert.Equal("tt0000003\t2\tnm0000002\tactor\t\\N\t[not json", lines[at + 1]);
        Assert.Contains(lines, l => l.EndsWith("title.principals.tsv:7: dangling: the person is not in name.basics.tsv", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("cinematographer", StringComparison.Ordinal) && l.StartsWith('#'));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(3)]
    [InlineData(2)]
    public async Task A_title_listed_again_further_on_is_checked_against_what_the_batch_holds(int batchSize)
    {
        // tt0000001's principals come in two runs with tt0000002's between: the second run repeats one relationship
        // exactly, gives another a different role, and adds one. In one batch the repeat is skipped and the conflict
        // rejected with the line it disagrees with; across batches each later batch simply writes its records again.
        const string principals =
            "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n" +
            "tt0000001\t1\tnm0000001\tactor\t\\N\t[\"Mia\"]\n" +
            "tt0000001\t2\tnm0000002\tactress\t\\N\t[\"Ann\"]\n" +
            "tt0000002\t1\tnm0000001\tactor\t\\N\t[\"Shorty\"]\n" +
            "tt0000001\t3\tnm0000001\tactor\t\\N\t[\"Mia\"]\n" +
            "tt0000001\t4\tnm0000002\tactress\t\\N\t[\"Other\"]\n" +
            "tt0000001\t5\tnm0000003\twriter\t\\N\t\\N\n";
        await using var temp = await TempStore.OpenAsync(queries: true);
        string[] files =
        [
            Write(temp, "name.basics.tsv", Names),
            Write(temp, "title.basics.tsv", Titles.Replace("\tshort\t", "\tmovie\t", StringComparison.Ordinal)),
            Write(temp, "title.principals.tsv", principals),
        ];

        var report = await ImportAsync(temp.Store, new ImportOptions { BatchSize = batchSize }, files);

        var oneBatch = batchSize > 3;
        Assert.Equal(oneBatch ? ["title.principals.tsv:6: duplicate CAST_IN relationship 'nm0000002' -> 'tt0000001' with different data than line 3."] : [],
            Errors(report).Where(e => e.StartsWith("title.principals", StringComparison.Ordinal)));
        Assert.Equal(oneBatch ? ["Relationship 1: the same record again @ title.principals.tsv:5"] : [],
            Skips(report).Where(s => s.StartsWith("Relationship", StringComparison.Ordinal)));
        Assert.Equal(
            [
                ("nm0000001", RelationshipType.CastIn, "Mia"),
                ("nm0000002", RelationshipType.CastIn, oneBatch ? "Ann" : "Other"),
                ("nm0000003", RelationshipType.Wrote, null),
            ],
            (await temp.Store.FilmCreditsAsync("tt0000001", null)).Select(c => (c.Person.Id, c.Type, c.Properties.Role)));
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_more_title_types_add_to_it()
    {
        await using var temp = await TempStore.OpenAsync();
        var files = WriteFiles(temp);
        await ImportAsync(temp.Store, new ImportOptions(), files);
        var before = RepoFiles.Fingerprint(temp.File);

        var again = await ImportAsync(temp.Store, new ImportOptions(), files);
        Assert.Equal(Unchanged(3, 2, 5), again.Summary);
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));

        var wider = await ImportAsync(temp.Store, new ImportOptions { TitleTypes = new HashSet<string> { "movie", "short" } }, files);
        Assert.Equal(new Counts(1, 0, 2), wider.Summary.Films);
        Assert.Equal(new Counts(1, 0, 5), wider.Summary.Relationships);
    }

    [Fact]
    public async Task A_header_that_does_not_parse_stops_the_import_before_it_writes()
    {
        await using var temp = await TempStore.OpenAsync();
        var files = WriteFiles(temp);
        Write(temp, "title.basics.tsv", "tconst\ttype\ttitle\ntt0000001\tmovie\tX\n");
        var before = RepoFiles.Fingerprint(temp.File);

        var report = await ImportAsync(temp.Store, new ImportOptions(), files);

        Assert.Equal(
            ["title.basics.tsv:1: the header has no column 'titleType', 'primaryTitle', 'startYear' (found: tconst, type, title); is this IMDb's title.basics.tsv?"],
            Errors(report));
        Assert.True(report.Stopped);
        Assert.False(report.Applied);
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
    }

    [Fact]
    public async Task A_file_not_named_as_imdb_names_its_files_is_refused()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = Write(temp, "people.tsv", Names);

        var report = await GraphImport.ImportAsync(new ImportSource(ImportFormat.Imdb, [file]), temp.Store, new ImportOptions());

        Assert.Equal(
            ["people.tsv:1: IMDb files are told apart by their names: name.basics.tsv, title.basics.tsv, title.principals.tsv (each may end in .gz)."],
            Errors(report));
        Assert.True(report.Stopped);
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_and_writes_nothing()
    {
        await using var temp = await TempStore.OpenAsync();
        var before = RepoFiles.Fingerprint(temp.File);

        var report = await ImportAsync(temp.Store, new ImportOptions(DryRun: true) { BatchSize = 2 }, WriteFiles(temp));

        Assert.Equal(5, report.Errors.Count);
        Assert.Equal(new GraphStats(3, 0, 2), report.Rejected);
        Assert.Equal(WriteSummary.Zero, report.Summary);
        Assert.False(report.Applied);
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
    }

    [SkippableFact]
    public async Task The_real_sample_imports_with_its_dangling_principals_reported()
    {
        var sample = Path.Combine(RepoFiles.Root, "..", "shared", "data", "imdb-sample");
        Skip.IfNot(Directory.Exists(sample), $"The IMDb sample is not at {sample}.");
        await using var temp = await TempStore.OpenAsync();
        string[] files = [.. new[] { "name.basics.tsv", "title.basics.tsv", "title.principals.tsv" }.Select(f => Path.Combine(sample, f))];

        var report = await ImportAsync(temp.Store, new ImportOptions { BatchSize = 5_000 }, files);

        Assert.Empty(report.Errors);
        Assert.Equal(new GraphStats(10_177, 2_000, 11_576), report.Records);
        Assert.Equal(Created(10_177, 2_000, 9_679), report.Summary);
        var dangling = Assert.Single(report.Skipped, s => s.Reason.StartsWith("dangling", StringComparison.Ordinal));
        Assert.Equal(("dangling: the person is not in name.basics.tsv", 6L), (dangling.Reason, dangling.Count));
        Assert.Equal(1_897, report.SkippedRecords.Relationships);
        Assert.Equal(4, Assert.Single(report.Adjusted).Count);

        var again = await ImportAsync(temp.Store, new ImportOptions(), files);
        Assert.Equal(Unchanged(10_177, 2_000, 9_679), again.Summary);
    }
}
