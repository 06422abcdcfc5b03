using System.Globalization;
using FilmGraph.Core;
using nietras.SeparatedValues;

namespace FilmGraph.Formats;

/// <summary>
/// CSV files laid out for <c>neo4j-admin database import</c>: RFC 4180 quoting (a field may hold commas, quotes
/// and line breaks), a header naming each column <c>name:type</c>, node files with <c>:ID</c> and <c>:LABEL</c>,
/// relationship files with <c>:START_ID</c>, <c>:END_ID</c> and <c>:TYPE</c>. A group of files shares the header
/// in the first line of its first file; the other files hold data only. ID spaces are not kept apart: FilmGraph
/// has one id for each node.
/// </summary>
internal sealed class Neo4jCsvReader(IReadOnlyList<CsvGroup> groups) : RecordReader
{
    private const int CheckEvery = 4096;
    private const char ArrayDelimiter = ';';

    private static readonly string[] NodeProperties = ["id", "name", "born", "aliases", "title", "year"];
    private static readonly string[] RelationshipProperties = ["role", "billing", "reason", "context", "description", "source", "quote"];
    private static readonly string[] WholeNumbers = ["born", "year", "billing"];
    private static readonly string[] IntTypes = ["int", "long", "short", "byte"];

    /// <summary>Where each thing is in a group's rows; -1 when the header has no such column.</summary>
    private sealed class Layout(CsvGroup group, bool relationships, int width)
    {
        public CsvGroup Group { get; } = group;
        public bool Relationships { get; } = relationships;
        public int Width { get; } = width;
        public int Id { get; set; } = -1;
        public int Label { get; set; } = -1;
        public NodeKind? SpaceKind { get; set; }
        public NodeKind? GivenKind { get; set; }
        public int Start { get; set; } = -1;
        public int End { get; set; } = -1;
        public int Type { get; set; } = -1;
        public Dictionary<string, int> Properties { get; } = new(StringComparer.Ordinal);
    }

    private readonly List<Layout> _layouts = [];

    public override IReadOnlyList<ImportError> Check()
    {
        var errors = new List<ImportError>();
        foreach (var group in groups)
        {
            var file = group.Files[0];
            using var input = new TextInput(file);
            using var reader = input.Reader(',', quoted: true);
            var names = reader.Header.ColNames;
            if (names.Count == 0 || (names.Count == 1 && names[0].Length == 0))
            {
                errors.Add(new ImportError(file, 1, "", "the file is empty; expected a header line such as 'id:ID(Person),name,born:int,:LABEL'."));
                continue;
            }
            var faults = new List<string>();
            var layout = Parse(group, names, faults);
            if (faults.Count > 0) errors.AddRange(faults.Select(f => new ImportError(file, 1, "", f)));
            else _layouts.Add(layout!);
        }
        // Nodes before relationships, each in the order given.
        _layouts.Sort((a, b) => a.Relationships.CompareTo(b.Relationships));
        return errors;
    }

    private static Layout? Parse(CsvGroup group, IReadOnlyList<string> names, List<string> faults)
    {
        var relationships = names.Any(n => Field(n).Type == "START_ID");
        if (group.Relationships is bool expected && expected != relationships)
        {
            faults.Add(expected
                ? "given with --relationships, but the header has no :START_ID column."
                : "given with --nodes, but the header has a :START_ID column (a relationship file).");
            return null;
        }
        var layout = new Layout(group, relationships, names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var (name, type, space) = Field(names[i]);
            switch (type)
            {
                case "IGNORE":
                    continue;
                case "ID" when !relationships:
                    layout.Id = i;
                    layout.SpaceKind = space switch { "Person" => NodeKind.Person, "Film" => NodeKind.Film, _ => null };
                    continue;
                case "LABEL" when !relationships:
                    layout.Label = i;
                    continue;
                case "START_ID" when relationships:
                    layout.Start = i;
                    continue;
                case "END_ID" when relationships:
                    layout.End = i;
                    continue;
                case "TYPE" when relationships:
                    layout.Type = i;
                    continue;
            }
            var known = relationships ? RelationshipProperties : NodeProperties;
            if (name.Length == 0 || !known.Contains(name))
            {
                faults.Add($"column '{names[i]}' is no {(relationships ? "relationship" : "node")} property FilmGraph has " +
                           $"({string.Join(", ", known)}); mark it :IGNORE to leave it out.");
                continue;
            }
            var wanted = WholeNumbers.Contains(name) ? "int" : name == "aliases" ? "string[]" : "string";
            var fits = type.Length == 0 ? wanted != "string[]" : wanted == "int" ? IntTypes.Contains(type) : type == wanted;
            if (!fits) faults.Add($"column '{names[i]}': {name} is written {name}:{wanted}.");
            else if (!layout.Properties.TryAdd(name, i)) faults.Add($"column '{names[i]}': {name} is given twice.");
        }
        if (relationships)
        {
            if (group.Given is { } type && !RelationshipTypes.TryParse(type, out _))
                faults.Add($"unknown relationship type '{type}' given before the files (known: {RelationshipTypes.NameList}).");
            if (layout.End < 0) faults.Add("the header has no :END_ID column.");
            if (layout.Type < 0 && group.Given is null) faults.Add("the header has no :TYPE column, and no TYPE= before the files gives one.");
        }
        else
        {
            if (group.Given is { } labels)
            {
                layout.GivenKind = KindOf(labels.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                if (layout.GivenKind is null) faults.Add($"the labels '{labels}' given before the files name neither Person nor Film.");
            }
            if (layout.Id < 0) faults.Add("the header has no :ID column.");
            if (layout.Label < 0 && layout.SpaceKind is null && group.Given is null)
                faults.Add("the header has no :LABEL column, and no ID space (Person) or (Film) or Label= before the files tells what the nodes are.");
        }
        return layout;
    }

    /// <summary>"born:int" is (born, int, ""); ":START_ID(Person)" is ("", START_ID, Person); "name" is (name, "", "").</summary>
    private static (string Name, string Type, string Space) Field(string header)
    {
        var colon = header.LastIndexOf(':');
        if (colon < 0) return (header.Trim(), "", "");
        var name = header[..colon].Trim();
        var type = header[(colon + 1)..].Trim();
        var space = "";
        var open = type.IndexOf('(');
        if (open >= 0 && type.EndsWith(')'))
        {
            space = type[(open + 1)..^1];
            type = type[..open];
        }
        return (name, type.ToUpperInvariant() is "ID" or "START_ID" or "END_ID" or "TYPE" or "LABEL" or "IGNORE" ? type.ToUpperInvariant() : type, space);
    }

    public override long Bytes(ImportPhase phase) =>
        _layouts.Where(l => l.Relationships == (phase == ImportPhase.Relationships)).SelectMany(l => l.Group.Files).Sum(SizeOf);

    public override void Read(ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        long before = 0;
        foreach (var layout in _layouts.Where(l => l.Relationships == (phase == ImportPhase.Relationships)))
        {
            for (var f = 0; f < layout.Group.Files.Count; f++)
            {
                var file = layout.Group.Files[f];
                using var input = new TextInput(file);
                using var reader = input.Reader(',', quoted: true, hasHeader: f == 0);
                foreach (var row in reader)
                {
                    if (row.RowIndex % CheckEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        sink.At(before + input.Position);
                    }
                    // Sep numbers the first row of a file without a header from line 2.
                    var line = f > 0 && row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                    var origin = new Origin(file, line, sink.KeepsText ? row.Span.ToString() : null);
                    if (row.Span.IsEmpty) continue;
                    if (layout.Relationships) ReadRelationship(row, layout, origin, sink);
                    else ReadNode(row, layout, origin, sink);
                }
                before += SizeOf(file);
            }
        }
    }

    private static void ReadNode(SepReader.Row row, Layout layout, in Origin origin, RecordSink sink)
    {
        var kind = layout.GivenKind ?? layout.SpaceKind;
        if (layout.Label >= 0 && row.ColCount > layout.Label && !row[layout.Label].Span.IsEmpty)
        {
            var labels = row[layout.Label].Span.ToString().Split(ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            kind = KindOf(labels);
            if (kind is null)
            {
                var both = labels.Contains("Person") && labels.Contains("Film");
                sink.Reject(null, origin, ":LABEL", $"labels '{string.Join(";", labels)}' name {(both ? "both Person and Film" : "neither Person nor Film")}.");
                return;
            }
        }
        else if (kind is null)
        {
            sink.Reject(null, origin, ":LABEL", "no label, and nothing else tells whether this is a Person or a Film.");
            return;
        }
        var recordKind = kind == NodeKind.Person ? RecordKind.Person : RecordKind.Film;
        if (!TextInput.Readable(row, layout.Width, exact: true, recordKind, origin, sink)) return;
        var id = Text(row, layout.Id);
        if (id is null)
        {
            sink.Reject(recordKind, origin, ":ID", "missing id.");
            return;
        }
        if (kind == NodeKind.Person)
        {
            if (!Number(row, layout, "born", recordKind, origin, sink, out var born)) return;
            var aliases = Text(row, layout.Properties.GetValueOrDefault("aliases", -1))?
                .Split(ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            sink.Person(new Person(id, Text(row, layout.Properties.GetValueOrDefault("name", -1)) ?? "", born, aliases), origin);
        }
        else
        {
            if (!Number(row, layout, "year", recordKind, origin, sink, out var year)) return;
            sink.Film(new Film(id, Text(row, layout.Properties.GetValueOrDefault("title", -1)) ?? "", year), origin);
        }
    }

    private static void ReadRelationship(SepReader.Row row, Layout layout, in Origin origin, RecordSink sink)
    {
        const RecordKind kind = RecordKind.Relationship;
        if (!TextInput.Readable(row, layout.Width, exact: true, kind, origin, sink)) return;
        var typeName = Text(row, layout.Type) ?? layout.Group.Given;
        if (!RelationshipTypes.TryParse(typeName, out var type))
        {
            sink.Reject(kind, origin, ":TYPE", typeName is null
                ? "missing relationship type."
                : $"unknown relationship type '{typeName}' (known: {RelationshipTypes.NameList}).");
            return;
        }
        if (!Number(row, layout, "billing", kind, origin, sink, out var billing)) return;
        var document = Property(row, layout, "source");
        var quote = Property(row, layout, "quote");
        if (document is null && quote is not null)
        {
            sink.Reject(kind, origin, "quote", "a quote needs its source (the document it comes from).");
            return;
        }
        var properties = new RelationshipProperties(Property(row, layout, "role"), billing, Property(row, layout, "reason"),
            Property(row, layout, "context"), Property(row, layout, "description"), document is null ? null : new Source(document, quote));
        sink.Relationship(new Relationship(type, Text(row, layout.Start) ?? "", Text(row, layout.End) ?? "", properties), origin);
    }

    /// <summary>Person or Film from a node's labels; null when they name neither, or both.</summary>
    private static NodeKind? KindOf(string[] labels) => (labels.Contains("Person"), labels.Contains("Film")) switch
    {
        (true, false) => NodeKind.Person,
        (false, true) => NodeKind.Film,
        _ => null,
    };

    private static string? Property(SepReader.Row row, Layout layout, string name) =>
        Text(row, layout.Properties.GetValueOrDefault(name, -1));

    private static bool Number(SepReader.Row row, Layout layout, string name, RecordKind kind, in Origin origin, RecordSink sink, out int? value)
    {
        value = null;
        if (Property(row, layout, name) is not { } text) return true;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        sink.Reject(kind, origin, name, $"expected a whole number, found '{Excerpt.Of(text)}'.");
        return false;
    }

    /// <summary>A field's text; an empty field is a missing value.</summary>
    private static string? Text(SepReader.Row row, int column) =>
        column < 0 || column >= row.ColCount || row[column].Span.IsEmpty ? null : row[column].ToString();
}
