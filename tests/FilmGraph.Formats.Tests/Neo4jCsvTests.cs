using FilmGraph.Core;
using static FilmGraph.Formats.Tests.FormatTestKit;

namespace FilmGraph.Formats.Tests;

/// <summary>neo4j-admin import CSV: a header file with data files after it, quoting, embedded newlines, and bad rows and headers.</summary>
public sealed class Neo4jCsvTests
{
    [Fact]
    public async Task Every_edge_case_has_its_exact_outcome()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        string[] people =
        [
            Write(temp, "people-header.csv", "id:ID(Person),name,born:int,aliases:string[],:LABEL\n"),
            Write(temp, "people-1.csv",
                "a,\"Anne \"\"A\"\" B\",1980,A1;A2,Person\r\nb,\"Multi\nline\",,,Person\r\nc,C,abc,,Person\r\nd,D\r\n", byteOrderMark: true),
            WriteBytes(temp, "people-2.csv", [.. "e,E "u8, 0xFF, .. ",,,Person\nf,F,,,Actor\n"u8]),
        ];
        var films = Write(temp, "films.csv", "id:ID(Film),title,year:int\nf1,\"F, the film\",2001\n");
        var relationships = Write(temp, "credits.csv",
            ":START_ID(Person),:END_ID(Film),:TYPE,role,source,quote\n" +
            "a,f1,CAST_IN,\"Mia, the \"\"star\"\"\",article.txt,\"she said \"\"yes\"\"\"\n" +
            "a,f1,CASTED,,,\n" +
            "b,f1,DROPPED_FROM,,,\n" +
            "b,zz,CAST_IN,,,\n");
        var source = Assert.Single(ImportSource.Plan([relationships, films], ImportFormat.Auto, [new CsvGroup(people, false)]));

        var report = await GraphImport.ImportAsync(source, temp.Store, new ImportOptions());

        Assert.Equal(
            [
                "people-1.csv:4: born: expected a whole number, found 'abc'.",
                "people-1.csv:5: 2 fields; the header has 5.",
                "people-2.csv:1: the line is not valid UTF-8.",
                "people-2.csv:2: :LABEL: labels 'Actor' name neither Person nor Film.",
                "credits.csv:3: :TYPE: unknown relationship type 'CASTED' (known: CAST_IN, DROPPED_FROM, CONFLICTED_WITH, DIRECTED, WROTE, COMPOSED, PRODUCED).",
                "credits.csv:5: to: 'zz' is no film in this data or in the store.",
            ],
            Errors(report));
        Assert.Equal(new GraphStats(5, 1, 4), report.Records);
        Assert.Equal(Created(2, 1, 2), report.Summary);
        Assert.Equal(new GraphStats(3, 0, 2), report.Rejected);
        Assert.Equal(1, report.Unreadable);

        Assert.Equal(new Person("a", "Anne \"A\" B", 1980, ["A1", "A2"]), await temp.Store.GetPersonAsync("a"));
        Assert.Equal("Multi\nline", (await temp.Store.GetPersonAsync("b"))?.Name);
        Assert.Equal(new Film("f1", "F, the film", 2001), await temp.Store.GetFilmAsync("f1"));
        var cast = (await temp.Store.FilmCreditsAsync("f1", [RelationshipType.CastIn])).Single();
        Assert.Equal(new RelationshipProperties(Role: "Mia, the \"star\"", Source: new Source("article.txt", "she said \"yes\"")), cast.Properties);
    }

    [Fact]
    public async Task A_header_that_does_not_parse_stops_the_import_before_it_writes()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = Write(temp, "nodes.csv", "name,born:date,rating:float,:ID\nA,1990,2.5,a\n");
        var relationships = Write(temp, "rels.csv", ":START_ID,:END_ID,role\na,b,x\n");
        var before = RepoFiles.Fingerprint(temp.File);

        var report = await ImportAsync(temp.Store, new ImportOptions(), file, relationships);

        Assert.Equal(
            [
                "nodes.csv:1: column 'born:date': born is written born:int.",
                "nodes.csv:1: column 'rating:float' is no node property FilmGraph has (id, name, born, aliases, title, year); mark it :IGNORE to leave it out.",
                "nodes.csv:1: the header has no :LABEL column, and no ID space (Person) or (Film) or Label= before the files tells what the nodes are.",
                "rels.csv:1: the header has no :TYPE column, and no TYPE= before the files gives one.",
            ],
            Errors(report));
        Assert.Equal(before, RepoFiles.Fingerprint(temp.File));
    }

    [Fact]
    public async Task A_label_or_type_before_the_files_stands_for_a_missing_column()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        var people = Write(temp, "people.csv", ":ID,name\nmia,Mia Dolan\n");
        var films = Write(temp, "films.csv", ":ID,title,:LABEL\nlll,La La Land,\n");
        var credits = Write(temp, "credits.csv", ":START_ID,:END_ID,role\nmia,lll,Mia\n");
        CsvGroup[] groups =
        [
            CsvGroup.Parse($"Person:Actor={people}", relationships: false),
            CsvGroup.Parse($"Film={films}", relationships: false),
            CsvGroup.Parse($"CAST_IN={credits}", relationships: true),
        ];

        var report = await GraphImport.ImportAsync(Assert.Single(ImportSource.Plan([], ImportFormat.Auto, groups)), temp.Store, new ImportOptions());

        Assert.Empty(report.Errors);
        Assert.Equal(Created(1, 1, 1), report.Summary);
        Assert.Equal("Mia", (await temp.Store.FilmCreditsAsync("lll", [RelationshipType.CastIn])).Single().Properties.Role);
        Assert.Equal(("Person:Actor", false), (groups[0].Given, groups[0].Relationships));
        Assert.Equal([people], groups[0].Files);
    }
}
