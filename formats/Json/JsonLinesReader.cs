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

    // How much of the file's start is looked at to tell whether it is JSON Lines at all.
    private const int ProbeLines = 5;
    private const int ProbeChars = 1 << 16;

    /// <summary>
    /// A file whose first lines are none of them a JSON object (another format, binary data) is not JSON Lines:
    /// stopping there says so once, where reading on would reject every line of it. One bad line among good ones is
    /// still rejected on its own.
    /// </summary>
    public override IReadOnlyList<ImportError> Check()
    {
        using var input = new TextInput(file);
        var start = new char[ProbeChars];
        var length = input.Text.ReadBlock(start);
        var lines = new string(start, 0, length).Split('\n');
        // The last piece may be cut off by the probe's end; it counts only when it is all there is.
        var whole = length < ProbeChars || lines.Length == 1 ? lines.Length : lines.Length - 1;
        (int Line, string Reason)? first = null;
        var looked = 0;
        for (var i = 0; i < whole && looked < ProbeLines; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            looked++;
            if (TextInput.HasBadBytes(line)) first ??= (i + 1, "bytes that are not UTF-8 text");
            else if (!line.StartsWith('{')) first ??= (i + 1, $"expected a JSON object, found '{Printable(Excerpt.Of(line))}'");
            else return [];
        }
        if (first is not { } fault) return [];
        var rest = looked > 1 ? $"; none of the first {looked} lines is a JSON object" : "";
        return [new ImportError(file, fault.Line, "", $"this is not JSON Lines (line {fault.Line}: {fault.Reason}){rest}.")];
    }

    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));

    public override long Bytes(ImportPhase phase) => SizeOf(file);

    public override void Read(ImportPhase phase, RecordSink sink, CancellationToken ct)
    {
        using var input = new TextInput(file);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var line = new LineRecord(file);
        try
        {
            var number = 0;
            while (input.Text.ReadLine() is { } text)
            {
                number++;
                if (number % CheckEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    sink.At(input.Position);
                }
                if (string.IsNullOrWhiteSpace(text)) continue;
                // Each pass parses only the lines that may be its own. A line with a "type" key and no "kind" is a
                // relationship (or nothing): the second pass alone reads it, faults included. A line with neither is
                // no relationship, and the first pass alone reads it.
                var named = text.Contains("\"kind\"", StringComparison.Ordinal);
                var typed = !named && HasTypeKey(text);
                if (phase == ImportPhase.Nodes ? typed : !named && !typed) continue;
                var size = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (size > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(size);
                }
                var length = Encoding.UTF8.GetBytes(text, buffer);
                var origin = new Origin(file, number, sink.KeepsText ? text : null);
                Take(line.Parse(buffer, length, text), phase, typed, origin, sink);
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
        if (parsed.Record is { } record) sink.Record(record, origin);
    }

    private readonly record struct Parsed(RecordKind? Kind, object? Record, (string Path, string Message)? Error);

    /// <summary>
    /// One line's object, read by the same record reader as a document's records; a line is rejected with the first
    /// fault found in it.
    /// </summary>
    private sealed class LineRecord
    {
        private readonly JsonTokenReader _tokens = new(Stream.Null);
        private readonly JsonRecordReader _records;

        public LineRecord(string file) =>
            _records = new JsonRecordReader(_tokens, (line, path, message, place) => place?.Errors.Add(new ImportError(file, line, path, message)),
                quotedNumberHint: false);

        public Parsed Parse(byte[] utf8, int length, string text)
        {
            if (TextInput.HasBadBytes(text)) return new Parsed(null, null, ("$", "the line is not valid UTF-8."));
            _tokens.Reset(new MemoryStream(utf8, 0, length, writable: false));
            var place = new RecordPlace("$", 1);
            var started = false;
            try
            {
                _records.Next();
                if (_records.Token.Type != JsonTokenType.StartObject) return new Parsed(null, null, ("$", "expected a JSON object."));
                started = true;
                var record = _records.Read(place, kind: null);
                // The token reader refuses anything after the object here.
                _records.Next();
                var kind = _records.KindOf();
                return place.Failed ? new Parsed(kind, null, (place.Errors[0].Path, place.Errors[0].Message)) : new Parsed(kind, record, null);
            }
            catch (JsonSyntaxException e)
            {
                // Broken JSON still counts as the kind its properties so far show, so that the right pass reports it.
                return new Parsed(started ? _records.KindOf() : null, null, ("$", e.InvalidJson ?? e.Message));
            }
        }
    }
}
