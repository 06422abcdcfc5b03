using System.Text.Json;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Reads a FilmGraph JSON document: <c>{ "people": [...], "films": [...], "relationships": [...] }</c>. It goes on
/// past every fault it can step over (a wrong value, an unknown property, a bad record) so that one run lists them
/// all; only broken JSON stops it. Each record is read by <see cref="JsonRecordReader"/>; this side walks the
/// document around them and, for a document read whole, finds records repeated with other data.
/// </summary>
internal sealed class GraphDocumentReader
{
    private static readonly string[] DocumentFields = ["people", "films", "relationships"];

    private readonly JsonRecordReader _records;
    private readonly GraphDocument _doc;
    private readonly CancellationToken _ct;
    private Action? _tick;

    // The record being read and its kind, for the batched reading to settle when it ends.
    private RecordPlace? _current;
    private RecordKind _currentKind;

    private readonly Dictionary<string, (Person Person, RecordPlace Place)> _personById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Film Film, RecordPlace Place)> _filmById = new(StringComparer.Ordinal);
    private readonly Dictionary<(RelationshipType, string, string), (Relationship Relationship, RecordPlace Place)> _relationshipByKey = [];

    private GraphDocumentReader(Stream stream, GraphDocument doc, CancellationToken ct)
    {
        _records = new JsonRecordReader(new JsonTokenReader(stream), doc.Add, quotedNumberHint: true);
        _doc = doc;
        _ct = ct;
    }

    private bool Batched => _doc.Sink is not null;

    private JsonToken Token => _records.Token;

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

    private void ReadDocument()
    {
        _records.Next();
        if (Token.Type != JsonTokenType.StartObject)
        {
            _doc.Add(Token.Line, "$",
                $"expected a JSON object {{ \"people\": [...], \"films\": [...], \"relationships\": [...] }}, found {JsonRecordReader.Describe(Token)}.");
            _records.SkipValue();
        }
        else
        {
            _records.ReadMembers("$", "document", DocumentFields, null, "", (name, path, _) =>
            {
                if (Batched && (name == "relationships") != (_doc.Phase == ImportPhase.Relationships))
                {
                    _records.SkipValue();
                    return;
                }
                _currentKind = name switch
                {
                    "people" => RecordKind.Person,
                    "films" => RecordKind.Film,
                    _ => RecordKind.Relationship,
                };
                _doc.InPhaseArray = true;
                ReadArray(path);
                _doc.InPhaseArray = false;
            });
        }
        // The reader refuses anything after the document here.
        _records.Next();
    }

    private void ReadArray(string path)
    {
        if (Token.Type != JsonTokenType.StartArray)
        {
            _doc.Add(Token.Line, path, $"expected an array, found {JsonRecordReader.Describe(Token)}.");
            _records.SkipValue();
            return;
        }
        for (var index = 0; ; index++)
        {
            _records.Next();
            if (Token.Type == JsonTokenType.EndArray) return;
            _ct.ThrowIfCancellationRequested();
            ReadRecord($"{path}[{index}]");
            if (Batched) Settle(index);
        }
    }

    private void ReadRecord(string path)
    {
        var place = _current = new RecordPlace(path, Token.Line);
        if (!Batched) _doc.Read(_currentKind, place);
        if (Token.Type != JsonTokenType.StartObject)
        {
            _doc.Add(Token.Line, path, $"expected an object for a {JsonRecordReader.Name(_currentKind)}, found {JsonRecordReader.Describe(Token)}.");
            _records.SkipValue();
            return;
        }
        var record = _records.Read(place, _currentKind);
        place.EndLine = Token.Line;
        if (Batched)
        {
            // A record with faults is rejected when it ends, by Settle.
            if (record is not null && !place.Failed) _doc.Sink!.Record(record, new Origin(_doc.File, place.Line));
            return;
        }
        if (record is Person p && IsNew(_personById, p.Id, p, place, $"person id '{p.Id}'")) Keep(_doc.People, _doc.PeoplePlaces, p, place);
        else if (record is Film f && IsNew(_filmById, f.Id, f, place, $"film id '{f.Id}'")) Keep(_doc.Films, _doc.FilmPlaces, f, place);
        else if (record is Relationship r && IsNew(_relationshipByKey, (r.Type, r.From, r.To), r, place, $"{r.Type.Name()} relationship '{r.From}' -> '{r.To}'"))
            Keep(_doc.Relationships, _doc.RelationshipPlaces, r, place);
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

    /// <summary>
    /// Whether a record read whole is the first under its key. One repeated with other data is a fault; repeated
    /// alike, it is simply left out.
    /// </summary>
    private bool IsNew<TKey, T>(Dictionary<TKey, (T Record, RecordPlace Place)> seen, TKey key, T record, RecordPlace place, string what)
        where TKey : notnull
    {
        if (!seen.TryGetValue(key, out var earlier))
        {
            seen.Add(key, (record, place));
            return true;
        }
        if (!Equals(earlier.Record, record))
            _doc.Add(place.Line, place.Path, $"duplicate {what} with different data than {earlier.Place.Path} (line {earlier.Place.Line}).", place);
        else _doc.SameAgain(_currentKind, place);
        return false;
    }

    private static void Keep<T>(List<T> records, List<RecordPlace> places, T record, RecordPlace place)
    {
        records.Add(record);
        places.Add(place);
    }
}
