using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FilmGraph.Formats;

/// <summary>
/// Pulls tokens from a stream through a fixed buffer, so memory stays bounded whatever the file holds. A string that
/// does not fit in the buffer is skipped byte by byte and handed on as an empty string marked oversize, so one absurd
/// value is reported in its place and the rest of the file is still read.
/// </summary>
internal sealed partial class JsonTokenReader
{
    /// <summary>Far above the longest legal token: 2000 characters written as \u escapes take 12 KB.</summary>
    public const int BufferSize = 64 * 1024;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly byte[] _buffer = new byte[BufferSize];
    private Stream _stream;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _sawToken;
    private JsonReaderState _state = new(Options);

    // The line of the byte at _counted; bytes before it have been counted.
    private int _line = 1;
    private int _counted;

    // Newlines the JSON reader never saw because the whitespace holding them was dropped; its line numbers lag by this.
    private int _droppedNewlines;
    private long _pendingOversize;

    public JsonTokenReader(Stream stream) => _stream = stream;

    /// <summary>Starts over on another input, keeping the buffer: JSON Lines reads each of its lines through one reader.</summary>
    public void Reset(Stream stream)
    {
        _stream = stream;
        _start = _end = _counted = _droppedNewlines = 0;
        _eof = _started = _sawToken = false;
        _state = new JsonReaderState(Options);
        _line = 1;
        _pendingOversize = 0;
    }

    /// <summary>The next token, or one with type None at the end of the input.</summary>
    public JsonToken Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (JsonException e)
            {
                throw Syntax(e, reader.CurrentDepth);
            }
            if (read)
            {
                CountLinesTo(_start + (int)reader.TokenStartIndex);
                var token = new JsonToken(reader.TokenType, _line, TextOf(ref reader), TakeOversize(reader.TokenType));
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                _sawToken = true;
                return token;
            }
            if (_eof) return new JsonToken(JsonTokenType.None, _line, null);
            Fill();
        }
    }

    private long TakeOversize(JsonTokenType type)
    {
        if (type is not (JsonTokenType.String or JsonTokenType.PropertyName)) return 0;
        var size = _pendingOversize;
        _pendingOversize = 0;
        return size;
    }

    private string? TextOf(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.PropertyName:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new JsonSyntaxException(_line, "a string is not valid UTF-8.");
                }
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                return null;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            // Only the last token lies between _counted and _start, and a token holds no raw newline.
            _counted = Math.Max(0, _counted - _start);
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            SkipLongToken();
            return;
        }
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (!_started)
        {
            _started = true;
            if (n >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = _counted = 3;
        }
        if (n == 0) _eof = true;
        _end += n;
    }

    /// <summary>
    /// The buffer is full and holds no whole token. Between tokens there may be space and one ',' or ':'; what follows
    /// is either more space (dropped), a string (skipped to its closing quote), or something no legal file holds.
    /// </summary>
    private void SkipLongToken()
    {
        var i = SkipSpace(0);
        var keep = 0;
        if (i < _end && _buffer[i] is (byte)',' or (byte)':') i = SkipSpace(keep = i + 1);
        if (i == _end)
        {
            // Only space so far: drop what follows the separator. The reader never sees those newlines.
            var newlines = CountNewlines(keep, _end);
            _line += newlines;
            _droppedNewlines += newlines;
            _end = keep;
            return;
        }
        CountLinesTo(i);
        if (_buffer[i] != (byte)'"')
            throw new JsonSyntaxException(_line, $"a value longer than {BufferSize / 1024} KiB; no valid FilmGraph file holds one.");
        var startLine = _line;
        long size = 0;
        var escaped = false;
        var j = i + 1;
        while (true)
        {
            for (; j < _end; j++, size++)
            {
                var b = _buffer[j];
                if (escaped) escaped = false;
                else if (b == (byte)'\\') escaped = true;
                else if (b == (byte)'"') break;
                else if (b < 0x20) throw new JsonSyntaxException(startLine, "a string holds a raw control character or line break; escape it.");
            }
            if (j < _end) break;
            var n = _stream.Read(_buffer, i + 1, _buffer.Length - i - 1);
            if (n == 0) throw new JsonSyntaxException(startLine, "the file ends inside a string.");
            j = i + 1;
            _end = i + 1 + n;
        }
        // Keep the opening quote, close it at once, and go on with what followed the string.
        Buffer.BlockCopy(_buffer, j, _buffer, i + 1, _end - j);
        _end -= j - (i + 1);
        _pendingOversize = Math.Max(size, 1);
    }

    private int SkipSpace(int i)
    {
        while (i < _end && _buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    private void CountLinesTo(int position)
    {
        if (position <= _counted) return;
        _line += CountNewlines(_counted, position);
        _counted = position;
    }

    private int CountNewlines(int from, int to) => _buffer.AsSpan(from, to - from).Count((byte)'\n');

    private JsonSyntaxException Syntax(JsonException e, int depth)
    {
        var line = (int)(e.LineNumber ?? 0) + 1 + _droppedNewlines;
        var invalid = "invalid JSON: " + ReaderPosition().Replace(e.Message, "").Trim();
        if (_eof && !_sawToken && SkipSpace(_start) == _end)
            return new JsonSyntaxException(1, "the file is empty; expected a JSON object { \"people\": [...], \"films\": [...], \"relationships\": [...] }.", invalid);
        if (_eof && depth > 0 && e.Message.Contains("end of", StringComparison.Ordinal))
            return new JsonSyntaxException(line, "the file ends before the JSON is complete (an object or array is still open).", invalid);
        return new JsonSyntaxException(line, invalid, invalid);
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex ReaderPosition();
}
