using System.Globalization;
using System.Text.Json;
using FilmGraph.Core;
using nietras.SeparatedValues;

namespace FilmGraph.Formats;

/// <summary>
/// IMDb's non-commercial TSV files: people from name.basics, films from title.basics (the chosen title types),
/// relationships from title.principals by category. Tab-separated without quoting (a quote is an ordinary
/// character), <c>\N</c> for a missing value. Principals whose person or title the given files do not hold are
/// skipped and reported; so are categories FilmGraph has no type for.
/// </summary>
internal sealed class ImdbReader : RecordReader
{
    public const string NamesFile = "name.basics.tsv";
    public const string TitlesFile = "title.basics.tsv";
    public const string PrincipalsFile = "title.principals.tsv";

    private static readonly string[] NameColumns = ["nconst", "primaryName", "birthYear"];
    private static readonly string[] TitleColumns = ["tconst", "titleType", "primaryTitle", "startYear"];
    private static readonly string[] PrincipalColumns = ["tconst", "nconst", "category", "characters"];

    private const int CheckEvery = 4096;

    private readonly string? _names;
    private readonly string? _titles;
    private readonly string? _principals;
    private readonly IdSet _people = new("nm");
    private readonly IdSet _films = new("tt");
    private readonly IdSet _otherTitles = new("tt");
    private readonly List<string> _unnamed = [];

    public ImdbReader(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            switch (TextInput.PlainName(file))
            {
                case NamesFile: _names = file; break;
                case TitlesFile: _titles = file; break;
                case PrincipalsFile: _principals = file; break;
                default: _unnamed.Add(file); break;
            }
        }
    }

    public static bool Recognizes(string path) => TextInput.PlainName(path) is NamesFile or TitlesFile or PrincipalsFile;

    public override IReadOnlyList<ImportError> Check()
    {
        var errors = _unnamed.Select(file => new ImportError(file, 1, "",
            $"IMDb files are told apart by their names: {NamesFile}, {TitlesFile}, {PrincipalsFile} (each may end in .gz).")).ToList();
        CheckHeader(_names, NameColumns, errors);
        CheckHeader(_titles, TitleColumns, errors);
        CheckHeader(_principals, PrincipalColumns, errors);
        return errors;
    }

    private static void CheckHeader(string? file, string[] wanted, List<ImportError> errors)
    {
        if (file is null) return;
        using var input = new TextInput(file);
        using var reader = input.Reader('\t', quoted: false);
        var names = reader.Header.ColNames;
        if (names.Count == 0 || (names.Count == 1 && names[0].Length == 0))
        {
            errors.Add(new ImportError(file, 1, "", $"the file is empty; expected a header line with {string.Join(", ", wanted)}."));
            return;
        }
        var missing = wanted.Where(w => !names.Contains(w)).ToList();
        if (missing.Count > 0)
            errors.Add(new ImportError(file, 1, "",
                $"the header has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} (found: {Excerpt.Of(string.Join(", ", names))}); " +
                $"is this IMDb's {TextInput.PlainName(file)}?"));
    }

    public override long Bytes(ImportPhase phase) => phase == ImportPhase.Nodes
        ? (_names is null ? 0 : SizeOf(_names)) + (_titles is null ? 0 : SizeOf(_titles))
        : _principals is null ? 0 : SizeOf(_principals);

    public override void Read(ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        if (phase == ImportPhase.Nodes)
        {
            if (_names is not null) ReadNames(_names, sink, ct);
            if (_titles is not null) ReadTitles(_titles, sink, _names is null ? 0 : SizeOf(_names), ct);
        }
        else if (_principals is not null) ReadPrincipals(_principals, sink, ct);
    }

    private void ReadNames(string file, RecordSink sink, CancellationToken ct)
    {
        using var input = new TextInput(file);
        using var reader = input.Reader('\t', quoted: false);
        var columns = reader.Header.IndicesOf(NameColumns);
        var width = reader.Header.ColNames.Count;
        foreach (var row in reader)
        {
            Tick(row, input, 0, sink, ct);
            var origin = new Origin(file, row.LineNumberFrom, sink.KeepsText ? row.Span.ToString() : null);
            if (!TextInput.Readable(row, width, exact: false, RecordKind.Person, origin, sink)) continue;
            var id = row[columns[0]].Span;
            var name = row[columns[1]].Span;
            if (IsMissing(id))
            {
                sink.Reject(RecordKind.Person, origin, "nconst", "missing id.");
                continue;
            }
            if (IsMissing(name))
            {
                sink.Reject(RecordKind.Person, origin, "primaryName", "missing name.");
                continue;
            }
            if (!Year(row[columns[2]].Span, "birthYear", RecordKind.Person, origin, sink, out var born)) continue;
            _people.Add(id);
            sink.Person(new Person(id.ToString(), name.ToString(), born), origin);
        }
    }

    private void ReadTitles(string file, RecordSink sink, long before, CancellationToken ct)
    {
        using var input = new TextInput(file);
        using var reader = input.Reader('\t', quoted: false);
        var columns = reader.Header.IndicesOf(TitleColumns);
        var width = reader.Header.ColNames.Count;
        var selected = sink.Options.TitleTypes;
        var lookup = selected is HashSet<string> set && set.Comparer.Equals(StringComparer.Ordinal) ? set.GetAlternateLookup<ReadOnlySpan<char>>() : default;
        foreach (var row in reader)
        {
            Tick(row, input, before, sink, ct);
            var origin = new Origin(file, row.LineNumberFrom, sink.KeepsText ? row.Span.ToString() : null);
            if (!TextInput.Readable(row, width, exact: false, RecordKind.Film, origin, sink)) continue;
            var id = row[columns[0]].Span;
            var type = row[columns[1]].Span;
            var title = row[columns[2]].Span;
            if (IsMissing(id))
            {
                sink.Reject(RecordKind.Film, origin, "tconst", "missing id.");
                continue;
            }
            if (!(lookup.Set is not null ? lookup.Contains(type) : selected.Contains(type.ToString())))
            {
                _otherTitles.Add(id);
                sink.Skip(RecordKind.Film, $"titleType '{type}' is not imported (--title-types)", origin);
                continue;
            }
            if (IsMissing(title))
            {
                sink.Reject(RecordKind.Film, origin, "primaryTitle", "missing title.");
                continue;
            }
            if (!Year(row[columns[3]].Span, "startYear", RecordKind.Film, origin, sink, out var year)) continue;
            _films.Add(id);
            sink.Film(new Film(id.ToString(), title.ToString(), year), origin);
        }
    }

    private void ReadPrincipals(string file, RecordSink sink, CancellationToken ct)
    {
        using var input = new TextInput(file);
        using var reader = input.Reader('\t', quoted: false);
        var columns = reader.Header.IndicesOf(PrincipalColumns);
        var width = reader.Header.ColNames.Count;
        var title = new TitleCredits(sink);
        foreach (var row in reader)
        {
            Tick(row, input, 0, sink, ct);
            var origin = new Origin(file, row.LineNumberFrom, sink.KeepsText ? row.Span.ToString() : null);
            if (!TextInput.Readable(row, width, exact: false, RecordKind.Relationship, origin, sink)) continue;
            var category = row[columns[2]].Span;
            if (!TypeOf(category, out var type))
            {
                sink.Skip(RecordKind.Relationship, $"category '{category}' is not imported", origin);
                continue;
            }
            var filmId = row[columns[0]].Span;
            var personId = row[columns[1]].Span;
            if (IsMissing(filmId) || IsMissing(personId))
            {
                sink.Reject(RecordKind.Relationship, origin, IsMissing(filmId) ? "tconst" : "nconst", "missing id.");
                continue;
            }
            if (_titles is not null && !_films.Contains(filmId))
            {
                if (_otherTitles.Contains(filmId))
                    sink.Skip(RecordKind.Relationship, "the title's titleType is not imported (--title-types)", origin);
                else
                    sink.Skip(RecordKind.Relationship, $"dangling: the title is not in {TitlesFile}", origin, rejectsFile: true);
                continue;
            }
            if (_names is not null && !_people.Contains(personId))
            {
                sink.Skip(RecordKind.Relationship, $"dangling: the person is not in {NamesFile}", origin, rejectsFile: true);
                continue;
            }
            string? role = null;
            if (type == RelationshipType.CastIn && !Role(row[columns[3]].Span, origin, sink, out role)) continue;
            title.Add(filmId, personId, type, role, origin);
        }
        title.Flush();
    }

    private static bool TypeOf(ReadOnlySpan<char> category, out RelationshipType type)
    {
        type = category switch
        {
            "actor" or "actress" => RelationshipType.CastIn,
            "director" => RelationshipType.Directed,
            "writer" => RelationshipType.Wrote,
            "composer" => RelationshipType.Composed,
            "producer" => RelationshipType.Produced,
            _ => (RelationshipType)(-1),
        };
        return type >= 0;
    }

    /// <summary>The role from the characters column, a JSON array of strings: ["Mia"] is "Mia", several are joined by " / ".</summary>
    private static bool Role(ReadOnlySpan<char> characters, in Origin origin, RecordSink sink, out string? role)
    {
        role = null;
        if (IsMissing(characters)) return true;
        // Most rows name one character with nothing to unescape: ["Mia"]. Those need no JSON parser.
        if (characters is ['[', '"', .., '"', ']'] && characters[2..^2].IndexOfAny('"', '\\') < 0)
        {
            var only = characters[2..^2];
            role = only.IsWhiteSpace() ? null : only.ToString();
            return true;
        }
        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize(characters, ImdbJson.Default.StringArray);
        }
        catch (JsonException)
        {
            names = null;
        }
        if (names is null)
        {
            sink.Reject(RecordKind.Relationship, origin, "characters", $"expected a JSON array of strings, found '{Excerpt.Of(characters.ToString())}'.");
            return false;
        }
        var kept = names.Where(n => !string.IsNullOrWhiteSpace(n)).ToArray();
        role = kept.Length == 0 ? null : string.Join(" / ", kept);
        return true;
    }

    private static bool Year(ReadOnlySpan<char> text, string column, RecordKind kind, in Origin origin, RecordSink sink, out int? year)
    {
        year = null;
        if (IsMissing(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            sink.Reject(kind, origin, column, $"expected a year, found '{Excerpt.Of(text.ToString())}'.");
            return false;
        }
        if (value is < BatchValidator.MinYear or > BatchValidator.MaxYear)
        {
            // IMDb dates people long dead (Shakespeare, 1564): keep them, and their credits, without a year the store cannot hold.
            sink.Adjust(kind, $"{column} outside {BatchValidator.MinYear}..{BatchValidator.MaxYear}: kept without it", origin);
            return true;
        }
        year = value;
        return true;
    }

    private static void Tick(SepReader.Row row, TextInput input, long before, RecordSink sink, CancellationToken ct)
    {
        if (row.RowIndex % CheckEvery != 0) return;
        ct.ThrowIfCancellationRequested();
        sink.At(before + input.Position);
    }

    private static bool IsMissing(ReadOnlySpan<char> value) => value.IsEmpty || value is @"\N";
}
