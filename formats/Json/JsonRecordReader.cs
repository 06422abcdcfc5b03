using System.Globalization;
using System.Text.Json;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Reads a person, film or relationship of the FilmGraph JSON format from tokens: one element of a document's array,
/// or one JSON Lines line. It goes on past every fault it can step over (a wrong value, an unknown or repeated
/// property) and reports each at its line and path, so that both formats hold a record to the same checks with the
/// same words. It also steps the tokens for its reader, which walks the document around the records.
/// </summary>
internal sealed class JsonRecordReader
{
    /// <summary>A fault at a line and JSON path; <paramref name="place"/> is the record it belongs to, or null outside one.</summary>
    public delegate void Fault(int line, string path, string message, RecordPlace? place);

    private static readonly string[] PersonFields = ["id", "name", "born", "aliases"];
    private static readonly string[] FilmFields = ["id", "title", "year"];
    private static readonly string[] RelationshipFields = ["type", "from", "to", "role", "billing", "reason", "context", "description", "source"];
    private static readonly string[] SourceFields = ["document", "quote"];

    // A JSON Lines record may say its kind; its properties are told apart only once the kind is known.
    private static readonly string[] PersonOrKind = ["kind", .. PersonFields];
    private static readonly string[] FilmOrKind = ["kind", .. FilmFields];
    private static readonly string[] RelationshipOrKind = ["kind", .. RelationshipFields];
    private static readonly string[] AnyField = [.. new[] { PersonOrKind, FilmOrKind, RelationshipOrKind }.SelectMany(f => f).Distinct()];

    private readonly JsonTokenReader _tokens;
    private readonly Fault _fault;
    private readonly bool _quotedNumberHint;
    private JsonToken _token;

    // The record being read: its values, and for a record of unknown kind, its properties in order with their lines.
    private string? _kind, _id, _name, _title, _type, _from, _to, _role, _reason, _context, _description;
    private int? _born, _year, _billing;
    private List<string>? _aliases;
    private Source? _source;
    private uint _seen;
    private readonly List<(string Name, int Line)> _members = [];

    /// <param name="quotedNumberHint">
    /// Whether a number written as a string is answered with "(write numbers without quotes)", as a document's is;
    /// JSON Lines leaves it out.
    /// </param>
    public JsonRecordReader(JsonTokenReader tokens, Fault fault, bool quotedNumberHint)
    {
        _tokens = tokens;
        _fault = fault;
        _quotedNumberHint = quotedNumberHint;
    }

    public JsonToken Token => _token;

    public void Next() => _token = _tokens.Read();

    /// <summary>
    /// Reads the object starting at the current token as a record of <paramref name="kind"/>, or, when that is null,
    /// of the kind it names with <c>"kind"</c> or shows by its properties (<c>type</c>, else <c>title</c>, else
    /// <c>name</c>). Leaves the current token on the object's end. Returns a person or film whenever it has an id
    /// (so that relationships to it are not also reported as dangling), a relationship only when it has no fault,
    /// and null when not even the kind is known.
    /// </summary>
    public object? Read(RecordPlace place, RecordKind? kind)
    {
        Clear();
        if (kind is { } given) ReadMembers(place.Path, Name(given), FieldsOf(given, namesKind: false), place, "", ReadValue);
        else ReadMembers(place.Path, null, AnyField, place, "", ReadValue);
        if (kind is null)
        {
            kind = KindOf();
            if (kind is not { } told)
            {
                _fault(place.Line, place.Path, _kind is { } named
                    ? $"unknown kind '{named}' (known: person, film, relationship)."
                    : "cannot tell what this is: give \"kind\", or \"type\" (a relationship), \"title\" (a film) or \"name\" (a person).", place);
                return null;
            }
            var fields = FieldsOf(told, namesKind: true);
            foreach (var (name, line) in _members)
                if (!fields.Contains(name))
                    _fault(line, $"{place.Path}.{name}", $"unknown property '{name}' (a {Name(told)} has: {string.Join(", ", fields)}).", place);
        }
        return kind switch
        {
            RecordKind.Person => PersonOf(place),
            RecordKind.Film => FilmOf(place),
            _ => RelationshipOf(place),
        };
    }

    /// <summary>The kind the properties read so far name or show; for a record cut short by broken JSON.</summary>
    public RecordKind? KindOf()
    {
        if (IsSeen("kind"))
            return _kind switch { "person" => RecordKind.Person, "film" => RecordKind.Film, "relationship" => RecordKind.Relationship, _ => null };
        return IsSeen("type") ? RecordKind.Relationship
            : IsSeen("title") ? RecordKind.Film
            : IsSeen("name") ? RecordKind.Person
            : null;
    }

    private Person? PersonOf(RecordPlace place)
    {
        RequireText(place, "id", _id);
        RequireText(place, "name", _name);
        return string.IsNullOrEmpty(_id) ? null : new Person(_id, _name ?? "", _born, _aliases);
    }

    private Film? FilmOf(RecordPlace place)
    {
        RequireText(place, "id", _id);
        RequireText(place, "title", _title);
        return string.IsNullOrEmpty(_id) ? null : new Film(_id, _title ?? "", _year);
    }

    private Relationship? RelationshipOf(RecordPlace place)
    {
        RequireText(place, "type", _type);
        RequireText(place, "from", _from);
        RequireText(place, "to", _to);
        RelationshipType type = default;
        if (!string.IsNullOrEmpty(_type) && !RelationshipTypes.TryParse(_type, out type))
            _fault(place.LineOf("type"), place.Path + ".type", $"unknown relationship type '{_type}' (known: {RelationshipTypes.NameList}).", place);
        if (place.Failed) return null;
        return new Relationship(type, _from!, _to!, new RelationshipProperties(_role, _billing, _reason, _context, _description, _source));
    }

    private void ReadValue(string field, string path, RecordPlace? place)
    {
        switch (field)
        {
            case "kind": _kind = String(path, BatchValidator.MaxIdLength, place); break;
            case "id": _id = String(path, BatchValidator.MaxIdLength, place); break;
            case "name": _name = String(path, BatchValidator.MaxTextLength, place); break;
            case "born": _born = Int(path, place); break;
            case "aliases": _aliases = Strings(path, place); break;
            case "title": _title = String(path, BatchValidator.MaxTextLength, place); break;
            case "year": _year = Int(path, place); break;
            case "type": _type = String(path, BatchValidator.MaxIdLength, place); break;
            case "from": _from = String(path, BatchValidator.MaxIdLength, place); break;
            case "to": _to = String(path, BatchValidator.MaxIdLength, place); break;
            case "role": _role = String(path, BatchValidator.MaxTextLength, place); break;
            case "billing": _billing = Int(path, place); break;
            case "reason": _reason = String(path, BatchValidator.MaxTextLength, place); break;
            case "context": _context = String(path, BatchValidator.MaxTextLength, place); break;
            case "description": _description = String(path, BatchValidator.MaxTextLength, place); break;
            default: _source = ReadSource(path, place); break;
        }
    }

    /// <summary>
    /// Reads the members of the object starting at the current token, handing each known one to <paramref name="member"/>
    /// with the current token on its value. The member must leave the current token on the value's last token.
    /// <paramref name="what"/> null: the record's kind is not known yet, so a name outside <paramref name="known"/> is
    /// only stepped over, and every name is kept with its line for <see cref="Read"/> to judge once the kind is told.
    /// </summary>
    public void ReadMembers(string path, string? what, string[] known, RecordPlace? place, string prefix, Action<string, string, RecordPlace?> member)
    {
        // Known names are few (at most sixteen), so a bit each tells which were seen without a set per object.
        var seen = 0u;
        while (true)
        {
            Next();
            if (_token.Type == JsonTokenType.EndObject) return;
            var name = _token.Text ?? "";
            var line = _token.Line;
            var oversize = _token.OversizeBytes;
            Next();
            if (oversize > 0)
            {
                _fault(line, path, $"a property name {oversize} bytes long.", place);
                SkipValue();
                continue;
            }
            var memberPath = $"{path}.{name}";
            var index = Array.IndexOf(known, name);
            if (index < 0)
            {
                if (what is null) _members.Add((name, line));
                else _fault(line, memberPath, $"unknown property '{name}' (a {what} has: {string.Join(", ", known)}).", place);
                SkipValue();
                continue;
            }
            if ((seen & (1u << index)) != 0)
            {
                // JSON readers disagree on which of two equal names wins; neither should be dropped unseen.
                _fault(line, memberPath, what is null ? $"property '{name}' appears twice." : $"property '{name}' appears twice in this {what}.", place);
                SkipValue();
                continue;
            }
            seen |= 1u << index;
            if (what is null)
            {
                // Kept as they come, so that a record cut short by broken JSON still shows the kind read so far.
                _seen = seen;
                _members.Add((name, line));
            }
            place?.Lines.TryAdd(prefix + name, line);
            member(name, memberPath, place);
        }
    }

    private Source? ReadSource(string path, RecordPlace? place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.StartObject)
        {
            _fault(_token.Line, path, $"expected an object {{ \"document\": ..., \"quote\": ... }}, found {Describe(_token)}.", place);
            SkipValue();
            return null;
        }
        var line = _token.Line;
        string? document = null, quote = null;
        ReadMembers(path, "source", SourceFields, place, "source.", (field, memberPath, _) =>
        {
            if (field == "document") document = String(memberPath, BatchValidator.MaxTextLength, place);
            else quote = String(memberPath, BatchValidator.MaxTextLength, place);
        });
        if (string.IsNullOrEmpty(document))
        {
            _fault(line, path + ".document", "missing 'document' (the name or URL the fact comes from).", place);
            return null;
        }
        return new Source(document, quote);
    }

    private void RequireText(RecordPlace place, string field, string? value)
    {
        var path = place.Path + "." + field;
        if (value is null) _fault(place.Line, path, $"missing '{field}'.", place);
        // An empty value may stand in for a wrong one, which has its error already.
        else if (value.Length == 0 && !place.Errors.Any(e => e.Path == path)) _fault(place.LineOf(field), path, $"'{field}' is empty.", place);
    }

    private string? String(string path, int maxLength, RecordPlace? place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.String)
        {
            _fault(_token.Line, path, $"expected a string, found {Describe(_token)}.", place);
            SkipValue();
            return "";
        }
        if (_token.OversizeBytes > 0)
        {
            _fault(_token.Line, path,
                $"text is {_token.OversizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes long; the most allowed is {maxLength} characters.", place);
            return "";
        }
        var text = _token.Text!;
        if (text.Length > maxLength)
        {
            _fault(_token.Line, path, $"text is {text.Length} characters long; the most allowed is {maxLength}.", place);
            return "";
        }
        return text;
    }

    private int? Int(string path, RecordPlace? place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type == JsonTokenType.Number &&
            int.TryParse(_token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        var found = _token.Type switch
        {
            JsonTokenType.String when _quotedNumberHint => $"the string \"{Excerpt.Of(_token.Text ?? "")}\" (write numbers without quotes)",
            JsonTokenType.String => $"the string \"{Excerpt.Of(_token.Text ?? "")}\"",
            _ => Describe(_token),
        };
        _fault(_token.Line, path, $"expected a whole number, found {found}.", place);
        SkipValue();
        return null;
    }

    /// <summary>An array of strings; a null in it counts as absent, anything else that is no string is one fault for the array.</summary>
    private List<string>? Strings(string path, RecordPlace? place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.StartArray)
        {
            _fault(_token.Line, path, $"expected an array of strings, found {Describe(_token)}.", place);
            SkipValue();
            return null;
        }
        var values = new List<string>();
        var wrong = false;
        for (var i = 0; ; i++)
        {
            Next();
            if (_token.Type == JsonTokenType.EndArray) return values;
            if (_token.Type is JsonTokenType.String or JsonTokenType.Null)
            {
                if (String($"{path}[{i}]", BatchValidator.MaxTextLength, place) is { Length: > 0 } value) values.Add(value);
                continue;
            }
            if (!wrong) _fault(_token.Line, path, $"expected an array of strings, found {Describe(_token)}.", place);
            wrong = true;
            SkipValue();
        }
    }

    /// <summary>Steps over the value starting at the current token, leaving the current token on its last token.</summary>
    public void SkipValue()
    {
        if (_token.Type is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = 1;
        while (depth > 0)
        {
            Next();
            if (_token.Type is JsonTokenType.StartObject or JsonTokenType.StartArray) depth++;
            else if (_token.Type is JsonTokenType.EndObject or JsonTokenType.EndArray) depth--;
        }
    }

    public static string Describe(JsonToken token) => token.Type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => $"the number {token.Text}",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    public static string Name(RecordKind kind) => kind switch
    {
        RecordKind.Person => "person",
        RecordKind.Film => "film",
        _ => "relationship",
    };

    private static string[] FieldsOf(RecordKind kind, bool namesKind) => kind switch
    {
        RecordKind.Person => namesKind ? PersonOrKind : PersonFields,
        RecordKind.Film => namesKind ? FilmOrKind : FilmFields,
        _ => namesKind ? RelationshipOrKind : RelationshipFields,
    };

    private bool IsSeen(string name) => (_seen & (1u << Array.IndexOf(AnyField, name))) != 0;

    private void Clear()
    {
        _kind = _id = _name = _title = _type = _from = _to = _role = _reason = _context = _description = null;
        _born = _year = _billing = null;
        _aliases = null;
        _source = null;
        _seen = 0;
        _members.Clear();
    }
}
