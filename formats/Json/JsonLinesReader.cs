using System.Buffers;
using System.Text;
using System.Text.Json;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// JSON Lines: one person, film or relationship a line, with the fields of the FilmGraph JSON format. A line says
/// what it is with <c>"kind": "person" | "film" | "relationship"</c>, or leaves it out: a line with <c>type</c> is a
/// relationship, else one with <c>title</c> a film, else a person. Blank lines are passed over. The file is read
/// twice, nodes then relationships, so that lines may come in any order.
/// </summary>
internal sealed class JsonLinesReader(string file) : RecordReader
{
    private const int CheckEvery = 4096;

    private static readonly string[] PersonFields = ["kind", "id", "name", "born", "aliases"];
    private static readonly string[] FilmFields = ["kind", "id", "title", "year"];
    private static readonly string[] RelationshipFields = ["kind", "type", "from", "to", "role", "billing", "reason", "context", "description", "source"];
    private static readonly HashSet<string> Known = [.. PersonFields, .. FilmFields, .. RelationshipFields];

    // Property names matched as UTF-8, so that reading a known name allocates nothing.
    private static readonly (string Name, byte[] Utf8)[] KnownNames = [.. Known.Select(n => (n, Encoding.UTF8.GetBytes(n)))];

    public override IReadOnlyList<ImportError> Check() => [];

    public override long Bytes(ImportPhase phase) => SizeOf(file);

    public override void Read(ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        using var input = new TextInput(file);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            var number = 0;
            while (input.Text.ReadLine() is { } line)
            {
                number++;
                if (number % CheckEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    sink.At(input.Position);
                }
                if (string.IsNullOrWhiteSpace(line)) continue;
                // Each pass parses only the lines that may be its own. A line with a "type" key and no "kind" is a
                // relationship (or nothing): the second pass alone reads it, faults included. A line with neither is
                // no relationship, and the first pass alone reads it.
                var named = line.Contains("\"kind\"", StringComparison.Ordinal);
                var typed = !named && HasTypeKey(line);
                if (phase == ImportPhase.Nodes ? typed : !named && !typed) continue;
                var size = Encoding.UTF8.GetMaxByteCount(line.Length);
                if (size > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(size);
                }
                var length = Encoding.UTF8.GetBytes(line, buffer);
                var origin = new Origin(file, number, sink.KeepsText ? line : null);
                fields.Clear();
                Take(new LineRecord(buffer.AsSpan(0, length), line, fields).Parse(), phase, typed, origin, sink);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Whether the line has "type" followed by a colon: a property name, since a quote inside a JSON string is escaped
    /// and a string value is never followed by a colon.
    /// </summary>
    private static bool HasTypeKey(string line)
    {
        for (var at = line.IndexOf("\"type\"", StringComparison.Ordinal); at >= 0; at = line.IndexOf("\"type\"", at + 6, StringComparison.Ordinal))
        {
            var rest = line.AsSpan(at + 6).TrimStart();
            if (rest.Length > 0 && rest[0] == ':') return true;
        }
        return false;
    }

    private static void Take(in Parsed parsed, ImportPhase phase, bool typed, in Origin origin, RecordSink sink)
    {
        var isNode = parsed.Kind is RecordKind.Person or RecordKind.Film;
        // A line of no known kind is reported once: by the pass that alone reads it, else by the first.
        var reporting = typed ? ImportPhase.Relationships : ImportPhase.Nodes;
        if (parsed.Kind is null ? phase != reporting : isNode != (phase == ImportPhase.Nodes) && !(typed && parsed.Error is not null)) return;
        if (parsed.Error is { } error)
        {
            sink.Reject(parsed.Kind, origin, error.Path, error.Message);
            return;
        }
        switch (parsed.Record)
        {
            case Person person: sink.Person(person, origin); break;
            case Film film: sink.Film(film, origin); break;
            case Relationship relationship: sink.Relationship(relationship, origin); break;
        }
    }

    private readonly record struct Parsed(RecordKind? Kind, object? Record, (string Path, string Message)? Error);

    /// <summary>One line's object, read field by field; the first fault found is the line's error.</summary>
    private ref struct LineRecord(ReadOnlySpan<byte> utf8, string line, Dictionary<string, object?> fields)
    {
        private Utf8JsonReader _json = new(utf8, new JsonReaderOptions { MaxDepth = 8 });
        private readonly Dictionary<string, object?> _fields = fields;

        public Parsed Parse()
        {
            if (TextInput.HasBadBytes(line)) return new Parsed(null, null, ("$", "the line is not valid UTF-8."));
            try
            {
                return ParseObject();
            }
            catch (JsonException e)
            {
                return new Parsed(KindOf(), null, ("$", "invalid JSON: " + e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].Trim()));
            }
        }

        private Parsed ParseObject()
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject) return new Parsed(null, null, ("$", "expected a JSON object."));
            (string, string)? error = null;
            while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
            {
                var name = PropertyName();
                _json.Read();
                // An unknown property is reported as such below, whatever its value.
                object? value = null;
                if (Known.Contains(name)) value = Value(name, ref error);
                else _json.Skip();
                if (!_fields.TryAdd(name, value)) error ??= ($"$.{name}", $"property '{name}' appears twice.");
            }
            if (_json.Read()) error ??= ("$", "more than one JSON value on the line.");
            var kind = KindOf();
            if (kind is null)
                return new Parsed(null, null, error ?? ("$", _fields.TryGetValue("kind", out var k) && k is string s
                    ? $"unknown kind '{s}' (known: person, film, relationship)."
                    : "cannot tell what this is: give \"kind\", or \"type\" (a relationship), \"title\" (a film) or \"name\" (a person)."));
            var known = kind switch { RecordKind.Person => PersonFields, RecordKind.Film => FilmFields, _ => RelationshipFields };
            foreach (var name in _fields.Keys)
                if (!known.Contains(name))
                    error ??= ($"$.{name}", $"unknown property '{name}' (a {Name(kind.Value)} has: {string.Join(", ", known)}).");
            if (error is not null) return new Parsed(kind, null, error);
            return kind switch
            {
                RecordKind.Person => Required(kind, "id", "name") ?? new Parsed(kind,
                    new Person(Str("id")!, Str("name")!, Int("born"), _fields.GetValueOrDefault("aliases") as List<string>), null),
                RecordKind.Film => Required(kind, "id", "title") ?? new Parsed(kind, new Film(Str("id")!, Str("title")!, Int("year")), null),
                _ => Relationship(kind),
            };
        }

        private readonly string PropertyName()
        {
            foreach (var (name, utf8) in KnownNames)
                if (_json.ValueTextEquals(utf8)) return name;
            return _json.GetString()!;
        }

        private Parsed Relationship(RecordKind? kind)
        {
            if (Required(kind, "type", "from", "to") is { } missing) return missing;
            if (!RelationshipTypes.TryParse(Str("type"), out var type))
                return new Parsed(kind, null, ("$.type", $"unknown relationship type '{Str("type")}' (known: {RelationshipTypes.NameList})."));
            var properties = new RelationshipProperties(Str("role"), Int("billing"), Str("reason"), Str("context"), Str("description"),
                _fields.GetValueOrDefault("source") as Source);
            return new Parsed(kind, new Relationship(type, Str("from")!, Str("to")!, properties), null);
        }

        private Parsed? Required(RecordKind? kind, params ReadOnlySpan<string> names)
        {
            foreach (var name in names)
                if (string.IsNullOrEmpty(Str(name))) return new Parsed(kind, null, ($"$.{name}", $"missing '{name}'."));
            return null;
        }

        private string? Str(string name) => _fields.GetValueOrDefault(name) as string;

        private int? Int(string name) => _fields.GetValueOrDefault(name) as int?;

        private RecordKind? KindOf()
        {
            if (_fields.TryGetValue("kind", out var kind))
                return kind switch { "person" => RecordKind.Person, "film" => RecordKind.Film, "relationship" => RecordKind.Relationship, _ => null };
            return _fields.ContainsKey("type") ? RecordKind.Relationship
                : _fields.ContainsKey("title") ? RecordKind.Film
                : _fields.ContainsKey("name") ? RecordKind.Person
                : null;
        }

        private object? Value(string name, ref (string, string)? error)
        {
            switch (name)
            {
                case "born" or "year" or "billing":
                    if (_json.TokenType == JsonTokenType.Number && _json.TryGetInt32(out var number)) return number;
                    return Wrong(name, "a whole number", ref error);
                case "aliases":
                    if (_json.TokenType != JsonTokenType.StartArray) return Wrong(name, "an array of strings", ref error);
                    var aliases = new List<string>();
                    while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
                    {
                        if (_json.TokenType == JsonTokenType.String) aliases.Add(_json.GetString()!);
                        else Wrong(name, "an array of strings", ref error);
                    }
                    return aliases;
                case "source":
                    if (_json.TokenType != JsonTokenType.StartObject) return Wrong(name, "an object { \"document\": ..., \"quote\": ... }", ref error);
                    string? document = null, quote = null;
                    while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
                    {
                        var field = _json.GetString();
                        _json.Read();
                        if (_json.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return Wrong($"source.{field}", "a string", ref error);
                        if (field == "document") document = _json.GetString();
                        else if (field == "quote") quote = _json.GetString();
                        else error ??= ($"$.source.{field}", $"unknown property '{field}' (a source has: document, quote).");
                    }
                    if (document is null) error ??= ("$.source.document", "missing 'document' (the name or URL the fact comes from).");
                    return document is null ? null : new Source(document, quote);
                default:
                    if (_json.TokenType is JsonTokenType.String or JsonTokenType.Null) return _json.GetString();
                    return Wrong(name, "a string", ref error);
            }
        }

        private object? Wrong(string name, string wanted, ref (string, string)? error)
        {
            var found = _json.TokenType switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "an array",
                JsonTokenType.String => $"the string \"{Excerpt.Of(_json.GetString() ?? "")}\"",
                JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(_json.ValueSpan)}",
                JsonTokenType.True or JsonTokenType.False => "a boolean",
                _ => "null",
            };
            error ??= ($"$.{name}", $"expected {wanted}, found {found}.");
            if (_json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) _json.Skip();
            return null;
        }

        private static string Name(RecordKind kind) => kind switch
        {
            RecordKind.Person => "person",
            RecordKind.Film => "film",
            _ => "relationship",
        };
    }
}
