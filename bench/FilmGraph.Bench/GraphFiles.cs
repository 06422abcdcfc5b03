using System.Text;
using FilmGraph.Core;

namespace FilmGraph.Bench;

/// <summary>Writes a synthetic graph in the formats the importers read: IMDb TSV and neo4j-admin import CSV.</summary>
public static class GraphFiles
{
    private static StreamWriter Create(string path) =>
        new(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };

    public static void WriteImdb(SyntheticGraph g, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var w = Create(Path.Combine(directory, "name.basics.tsv")))
        {
            w.WriteLine("nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles");
            for (var p = 0; p < g.Size.People; p++)
                w.WriteLine($"{SyntheticGraph.PersonId(p)}\t{SyntheticGraph.PersonName(p)}\t{g.BirthYears[p]}\t\\N\tactor\t\\N");
        }
        using (var w = Create(Path.Combine(directory, "title.basics.tsv")))
        {
            w.WriteLine("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres");
            for (var f = 0; f < g.Size.Films; f++)
            {
                var title = SyntheticGraph.FilmTitle(f);
                w.WriteLine($"{SyntheticGraph.FilmId(f)}\tmovie\t{title}\t{title}\t0\t{g.FilmYears[f]}\t\\N\t\\N\tDrama");
            }
        }
        using (var w = Create(Path.Combine(directory, "title.principals.tsv")))
        {
            w.WriteLine("tconst\tordering\tnconst\tcategory\tjob\tcharacters");
            var ordering = 0;
            var lastFilm = -1;
            foreach (var (person, film, type) in g.Credits)
            {
                ordering = film == lastFilm ? ordering + 1 : 1;
                lastFilm = film;
                var category = type switch
                {
                    RelationshipType.CastIn => person % 2 == 0 ? "actor" : "actress",
                    RelationshipType.Directed => "director",
                    RelationshipType.Wrote => "writer",
                    RelationshipType.Composed => "composer",
                    _ => "producer",
                };
                var characters = type == RelationshipType.CastIn ? $"[\"Character {person % 997}\"]" : "\\N";
                w.WriteLine($"{SyntheticGraph.FilmId(film)}\t{ordering}\t{SyntheticGraph.PersonId(person)}\t{category}\t\\N\t{characters}");
            }
        }
    }

    public static void WriteNeo4jAdminCsv(SyntheticGraph g, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var w = Create(Path.Combine(directory, "people.csv")))
        {
            w.WriteLine("id:ID(Person),name,born:int,:LABEL");
            for (var p = 0; p < g.Size.People; p++)
                w.WriteLine($"{SyntheticGraph.PersonId(p)},{Quote(SyntheticGraph.PersonName(p))},{g.BirthYears[p]},Person");
        }
        using (var w = Create(Path.Combine(directory, "films.csv")))
        {
            w.WriteLine("id:ID(Film),title,year:int,:LABEL");
            for (var f = 0; f < g.Size.Films; f++)
                w.WriteLine($"{SyntheticGraph.FilmId(f)},{Quote(SyntheticGraph.FilmTitle(f))},{g.FilmYears[f]},Film");
        }
        using (var w = Create(Path.Combine(directory, "credits.csv")))
        {
            w.WriteLine(":START_ID(Person),:END_ID(Film),:TYPE,role");
            foreach (var (person, film, type) in g.Credits)
            {
                var role = type == RelationshipType.CastIn ? Quote($"Character {person % 997}") : "";
                w.WriteLine($"{SyntheticGraph.PersonId(person)},{SyntheticGraph.FilmId(film)},{type.Name()},{role}");
            }
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
