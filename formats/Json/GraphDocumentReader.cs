using System.Globalization;
using System.Text.Json;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Reads a FilmGraph JSON document: <c>{ "people": [...], "films": [...], "relationships": [...] }</c>. It goes on
/// past every fault it can step over (a wrong value, an unknown property, a bad record) so that one run lists them
/// all; only broken JSON stops it.
/// </summary>
internal sealed class GraphDocumentReader
{
    private static readonly string[] DocumentFields = ["people", "films", "relationships"];
    private static readonly string[] PersonFields = ["id", "name", "born", "aliases"];
    private static readonly string[] FilmFields = ["id", "title", "year"];
    private static readonly string[] RelationshipFields = ["type", "from", "to", "role", "billing", "reason", "context", "description", "source"];
    private static readonly string[] SourceFields = ["document", "quote"];

    private readonly JsonTokenReader _tokens;
    private readonly GraphDocument _doc;
    private readonly CancellationToken _ct;
    private JsonToken _token;

    // The record being read and its kind, for the batched reading to settle when it ends.
    private RecordPlace? _current;
    private RecordKind _currentKind;

    private readonly Dictionary<string, (Person Person, RecordPlace Place)> _personById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Film Film, RecordPlace Place)> _filmById = new(StringComparer.Ordinal);
    private readonly Dictionary<(RelationshipType, string, string), (Relationship Relationship, RecordPlace Place)> _relationshipByKey = [];

    private GraphDocumentReader(Stream stream, GraphDocument doc, CancellationToken ct)
    {
        _tokens = new JsonTokenReader(stream);
        _doc = doc;
        _ct = ct;
    }

    private bool Batched => _doc.Sink is not null;

    public static GraphDocument Read(Stream stream, string file, CancellationToken ct)
    {
        var reader = new GraphDocumentReader(stream, new GraphDocument(file), ct);
        try
        {
            reader.ReadDocument();
            reader._doc.Complete = true;
        }
        catch (JsonSyntaxException e)
        {
            reader._doc.Add(e.Line, "$", e.Message);
        }
        return reader._doc;
    }

    /// <summary>
    /// Reads one phase's records of a document into the sink: people and films, or relationships; the other arrays are
    /// stepped over. Broken JSON stops the import.
    /// </summary>
    public static void ReadInto(Stream stream, FileStream raw, string file, ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        var reader = new GraphDocumentReader(stream, new GraphDocument(file) { Sink = sink, Phase = phase }, ct) { _tick = () => sink.At(raw.Position) };
        try
        {
            reader.ReadDocument();
        }
        catch (JsonSyntaxException e)
        {
            throw new ImportStoppedException(new ImportError(file, e.Line, "$", e.Message));
        }
    }

    private Action? _tick;

    private void Next() => _token = _tokens.Read();

    private void ReadDocument()
    {
        Next();
        if (_token.Type != JsonTokenType.StartObject)
        {
            _doc.Add(_token.Line, "$", $"expected a JSON object {{ \"people\": [...], \"films\": [...], \"relationships\": [...] }}, found {Describe(_token)}.");
            SkipValue();
        }
        else
        {
            ReadMembers("$", "document", DocumentFields, null, "", (name, path) =>
            {
                if (Batched && (name == "relationships") != (_doc.Phase == ImportPhase.Relationships))
                {
                    SkipValue();
                    return;
                }
                (Action<int> item, _currentKind) = name switch
                {
                    "people" => ((Action<int>)ReadPerson, RecordKind.Person),
                    "films" => (ReadFilm, RecordKind.Film),
                    _ => (ReadRelationship, RecordKind.Relationship),
                };
                _doc.InPhaseArray = true;
                ReadArray(path, item);
                _doc.InPhaseArray = false;
            });
        }
        // The reader refuses anything after the document here.
        Next();
    }

    private void ReadArray(string path, Action<int> item)
    {
        if (_token.Type != JsonTokenType.StartArray)
        {
            _doc.Add(_token.Line, path, $"expected an array, found {Describe(_token)}.");
            SkipValue();
            return;
        }
        for (var index = 0; ; index++)
        {
            Next();
            if (_token.Type == JsonTokenType.EndArray) return;
            _ct.ThrowIfCancellationRequested();
            item(index);
            if (Batched) Settle(index);
        }
    }

    /// <summary>
    /// Reads the members of the object starting at the current token, handing each known one to <paramref name="member"/>
    /// with the current token on its value. The member must leave the current token on the value's last token.
    /// </summary>
    private void ReadMembers(string path, string what, string[] known, RecordPlace? place, string prefix, Action<string, string> member)
    {
        // Known names are few (at most nine), so a bit each tells which were seen without a set per object.
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
                _doc.Add(line, path, $"a property name {oversize} bytes long.", place);
                SkipValue();
                continue;
            }
            var memberPath = $"{path}.{name}";
            var index = Array.IndexOf(known, name);
            if (index < 0)
            {
                _doc.Add(line, memberPath, $"unknown property '{name}' (a {what} has: {string.Join(", ", known)}).", place);
                SkipValue();
                continue;
            }
            if ((seen & (1u << index)) != 0)
            {
                // JSON readers disagree on which of two equal names wins; neither should be dropped unseen.
                _doc.Add(line, memberPath, $"property '{name}' appears twice in this {what}.", place);
                SkipValue();
                continue;
            }
            seen |= 1u << index;
            place?.Lines.TryAdd(prefix + name, line);
            member(name, memberPath);
        }
    }

    /// <summary>A record read in batches that has faults is rejected, with all of them, at the line of the first.</summary>
    private void Settle(int index)
    {
        if (index % 4096 == 0) _tick?.Invoke();
        if (_current is not { Failed: true } place) return;
        var first = place.Errors[0];
        var message = string.Join("; ", place.Errors.Select(e => e == first ? e.Message : $"{e.Path}: {e.Message}"));
        _doc.Sink!.Reject(_currentKind, new Origin(_doc.File, first.Line), first.Path, message);
        _current = null;
    }

    private RecordPlace? BeginRecord(string path, string what)
    {
        var place = _current = new RecordPlace(path, _token.Line);
        if (_token.Type == JsonTokenType.StartObject) return place;
        _doc.Add(_token.Line, path, $"expected an object for a {what}, found {Describe(_token)}.");
        SkipValue();
        return null;
    }

    private void ReadPerson(int index)
    {
        if (BeginRecord($"$.people[{index}]", "person") is not { } place) return;
        string? id = null, name = null;
        int? born = null;
        List<string>? aliases = null;
        ReadMembers(place.Path, "person", PersonFields, place, "", (field, path) =>
        {
            switch (field)
            {
                case "id": id = String(path, BatchValidator.MaxIdLength, place); break;
                case "name": name = String(path, BatchValidator.MaxTextLength, place); break;
                case "born": born = Int(path, place); break;
                default: aliases = Strings(path, place); break;
            }
        });
        RequireText(place, "id", id);
        RequireText(place, "name", name);
        if (string.IsNullOrEmpty(id)) return;
        var person = new Person(id, name ?? "", born, aliases);
        if (Batched) Emit(place, s => s.Person(person, new Origin(_doc.File, place.Line)));
        else if (IsNewNode(_personById, id, person, place, "person")) Keep(_doc.People, _doc.PeoplePlaces, person, place);
    }

    private void ReadFilm(int index)
    {
        if (BeginRecord($"$.films[{index}]", "film") is not { } place) return;
        string? id = null, title = null;
        int? year = null;
        ReadMembers(place.Path, "film", FilmFields, place, "", (field, path) =>
        {
            switch (field)
            {
                case "id": id = String(path, BatchValidator.MaxIdLength, place); break;
                case "title": title = String(path, BatchValidator.MaxTextLength, place); break;
                default: year = Int(path, place); break;
            }
        });
        RequireText(place, "id", id);
        RequireText(place, "title", title);
        if (string.IsNullOrEmpty(id)) return;
        var film = new Film(id, title ?? "", year);
        if (Batched) Emit(place, s => s.Film(film, new Origin(_doc.File, place.Line)));
        else if (IsNewNode(_filmById, id, film, place, "film")) Keep(_doc.Films, _doc.FilmPlaces, film, place);
    }

    private void ReadRelationship(int index)
    {
        if (BeginRecord($"$.relationships[{index}]", "relationship") is not { } place) return;
        string? type = null, from = null, to = null, role = null, reason = null, context = null, description = null;
        int? billing = null;
        Source? source = null;
        ReadMembers(place.Path, "relationship", RelationshipFields, place, "", (field, path) =>
        {
            switch (field)
            {
                case "type": type = String(path, BatchValidator.MaxIdLength, place); break;
                case "from": from = String(path, BatchValidator.MaxIdLength, place); break;
                case "to": to = String(path, BatchValidator.MaxIdLength, place); break;
                case "role": role = String(path, BatchValidator.MaxTextLength, place); break;
                case "billing": billing = Int(path, place); break;
                case "reason": reason = String(path, BatchValidator.MaxTextLength, place); break;
                case "context": context = String(path, BatchValidator.MaxTextLength, place); break;
                case "description": description = String(path, BatchValidator.MaxTextLength, place); break;
                default: source = ReadSource(path, place); break;
            }
        });
        RequireText(place, "type", type);
        RequireText(place, "from", from);
        RequireText(place, "to", to);
        RelationshipType parsed = default;
        if (!string.IsNullOrEmpty(type) && !RelationshipTypes.TryParse(type, out parsed))
            _doc.Add(place.LineOf("type"), place.Path + ".type", $"unknown relationship type '{type}' (known: {RelationshipTypes.NameList}).", place);
        if (place.Failed) return;
        var relationship = new Relationship(parsed, from!, to!, new RelationshipProperties(role, billing, reason, context, description, source));
        if (Batched)
        {
            Emit(place, s => s.Relationship(relationship, new Origin(_doc.File, place.Line)));
            return;
        }
        var key = (parsed, from!, to!);
        if (_relationshipByKey.TryGetValue(key, out var earlier))
        {
            if (!earlier.Relationship.Equals(relationship))
                _doc.Add(place.Line, place.Path,
                    $"duplicate {type} relationship '{from}' -> '{to}' with different data than {earlier.Place.Path} (line {earlier.Place.Line}).", place);
            return;
        }
        _relationshipByKey.Add(key, (relationship, place));
        Keep(_doc.Relationships, _doc.RelationshipPlaces, relationship, place);
    }

    private Source? ReadSource(string path, RecordPlace place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.StartObject)
        {
            _doc.Add(_token.Line, path, $"expected an object {{ \"document\": ..., \"quote\": ... }}, found {Describe(_token)}.", place);
            SkipValue();
            return null;
        }
        var line = _token.Line;
        string? document = null, quote = null;
        ReadMembers(path, "source", SourceFields, place, "source.", (field, memberPath) =>
        {
            if (field == "document") document = String(memberPath, BatchValidator.MaxTextLength, place);
            else quote = String(memberPath, BatchValidator.MaxTextLength, place);
        });
        if (string.IsNullOrEmpty(document))
        {
            _doc.Add(line, path + ".document", "missing 'document' (the name or URL the fact comes from).", place);
            return null;
        }
        return new Source(document, quote);
    }

    private bool IsNewNode<T>(Dictionary<string, (T Node, RecordPlace Place)> seen, string id, T node, RecordPlace place, string what)
    {
        if (!seen.TryGetValue(id, out var earlier))
        {
            seen.Add(id, (node, place));
            return true;
        }
        if (!Equals(earlier.Node, node))
            _doc.Add(place.Line, place.Path, $"duplicate {what} id '{id}' with different data than {earlier.Place.Path} (line {earlier.Place.Line}).", place);
        return false;
    }

    /// <summary>Batched, a record goes to the sink only when it has no fault; <see cref="Settle"/> rejects it otherwise.</summary>
    private void Emit(RecordPlace place, Action<RecordSink> take)
    {
        if (!place.Failed) take(_doc.Sink!);
    }

    private static void Keep<T>(List<T> records, List<RecordPlace> places, T record, RecordPlace place)
    {
        records.Add(record);
        places.Add(place);
    }

    private void RequireText(RecordPlace place, string field, string? value)
    {
        var path = place.Path + "." + field;
        if (value is null) _doc.Add(place.Line, path, $"missing '{field}'.", place);
        // An empty value may stand in for a wrong one, which has its error already.
        else if (value.Length == 0 && !place.Errors.Any(e => e.Path == path)) _doc.Add(place.LineOf(field), path, $"'{field}' is empty.", place);
    }

    private string? String(string path, int maxLength, RecordPlace place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.String)
        {
            _doc.Add(_token.Line, path, $"expected a string, found {Describe(_token)}.", place);
            SkipValue();
            return "";
        }
        if (_token.OversizeBytes > 0)
        {
            _doc.Add(_token.Line, path,
                $"text is {_token.OversizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes long; the most allowed is {maxLength} characters.", place);
            return "";
        }
        var text = _token.Text!;
        if (text.Length > maxLength)
        {
            _doc.Add(_token.Line, path, $"text is {text.Length} characters long; the most allowed is {maxLength}.", place);
            return "";
        }
        return text;
    }

    private int? Int(string path, RecordPlace place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type == JsonTokenType.Number &&
            int.TryParse(_token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        var found = _token.Type switch
        {
            JsonTokenType.String => $"the string \"{Shorten(_token.Text)}\" (write numbers without quotes)",
            _ => Describe(_token),
        };
        _doc.Add(_token.Line, path, $"expected a whole number, found {found}.", place);
        SkipValue();
        return null;
    }

    private List<string>? Strings(string path, RecordPlace place)
    {
        if (_token.Type == JsonTokenType.Null) return null;
        if (_token.Type != JsonTokenType.StartArray)
        {
            _doc.Add(_token.Line, path, $"expected an array of strings, found {Describe(_token)}.", place);
            SkipValue();
            return null;
        }
        var values = new List<string>();
        for (var i = 0; ; i++)
        {
            Next();
            if (_token.Type == JsonTokenType.EndArray) return values;
            if (String($"{path}[{i}]", BatchValidator.MaxTextLength, place) is { Length: > 0 } value) values.Add(value);
        }
    }

    /// <summary>Steps over the value starting at the current token, leaving the current token on its last token.</summary>
    private void SkipValue()
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

    private static string Describe(JsonToken token) => token.Type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => $"the number {token.Text}",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "...";
}
