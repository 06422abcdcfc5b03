using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FilmGraph.Api.Protection;

/// <summary>
/// Parses query text within bounds: its length, its tokens, its nesting. The parser's own syntax error quotes the
/// whole line it failed on and takes time growing with the square of that line's length, so a long one-line query
/// with a mistake at its end would cost seconds. The text is therefore parsed with long lines broken at whitespace
/// outside strings and comments (a newline in place of a space leaves every token, and every offset, as it was), and
/// a syntax error is reported at its place in the text as sent. A line that cannot be broken (one long string) is
/// refused beyond <see cref="MaxUnbrokenLine"/>.
/// </summary>
public static class DocumentReader
{
    /// <summary>Lines are broken once longer than this; short enough that a syntax error on one costs microseconds.</summary>
    private const int BreakAfter = 256;

    /// <summary>The longest line a syntax error may have to quote: about a millisecond of the parser's time.</summary>
    public const int MaxUnbrokenLine = 8 * 1024;

    /// <summary>The document, or the error that refuses it.</summary>
    public static (GraphQLDocument? Document, ExecutionError? Error) Read(string query, RequestLimits limits)
    {
        if (query.Length > limits.MaxQueryLength)
        {
            return (null, new LimitError(LimitCodes.QueryTooLong,
                $"The query is {query.Length} characters long; the most allowed is {limits.MaxQueryLength}.",
                ("limit", limits.MaxQueryLength), ("length", query.Length)));
        }
        var (text, longest) = BreakLongLines(query);
        if (longest > MaxUnbrokenLine)
        {
            return (null, new LimitError(LimitCodes.LineTooLong,
                $"The query has a line of {longest} characters that cannot be broken (a long string?); the most allowed is {MaxUnbrokenLine}. Pass long values as variables.",
                ("limit", MaxUnbrokenLine), ("length", longest)));
        }
        try
        {
            var tokens = CountTokens(text, limits.MaxTokens + 1);
            if (tokens > limits.MaxTokens)
            {
                return (null, new LimitError(LimitCodes.TooManyTokens,
                    $"The query has more than {limits.MaxTokens} tokens.", ("limit", limits.MaxTokens)));
            }
            // Parsed from the text as sent once the broken copy is known to parse, so that the document's
            // locations (used in validation errors) count lines as the caller wrote them.
            var options = new ParserOptions { MaxDepth = limits.MaxParserDepth };
            if (!ReferenceEquals(text, query)) Parser.Parse(text, options);
            return (Parser.Parse(query, options), null);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            var (line, column) = Place(query, Offset(text, e.Location.Line, e.Location.Column));
            var error = new ExecutionError($"Syntax error at line {line}, column {column}: {e.Description}") { Code = LimitCodes.SyntaxError };
            error.AddLocation(new Location(line, column));
            return (null, error);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new LimitError(LimitCodes.TooDeep,
                $"The query nests deeper than {limits.MaxParserDepth} levels.", ("limit", limits.MaxParserDepth)));
        }
    }

    /// <summary>Lexes up to <paramref name="stop"/> tokens; the count read, or <paramref name="stop"/> when there are more.</summary>
    private static int CountTokens(string text, int stop)
    {
        var count = 0;
        var token = Lexer.Lex(text, 0);
        while (token.Kind != TokenKind.EOF && count < stop)
        {
            count++;
            token = Lexer.Lex(text, token.End);
        }
        return count;
    }

    private enum Scan { Code, String, BlockString, Comment }

    /// <summary>
    /// The text with a newline in place of some spaces, tabs and commas outside strings and comments, so that no
    /// line runs past <see cref="BreakAfter"/> where it can be broken, and in place of each lone carriage return;
    /// and the longest line left.
    /// </summary>
    private static (string Text, int Longest) BreakLongLines(string query)
    {
        char[]? copy = null;
        var state = Scan.Code;
        int lineStart = 0, longest = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c is '\n' or '\r')
            {
                // The parser counts a lone \r as a line break, but its syntax error splits the text at \n only to quote
                // the line, and fails (IndexOutOfRangeException) on a line past the last: the copy has \n instead.
                if (c == '\r' && (i + 1 == query.Length || query[i + 1] != '\n'))
                {
                    copy ??= query.ToCharArray();
                    copy[i] = '\n';
                }
                longest = Math.Max(longest, i - lineStart);
                lineStart = i + 1;
                if (state is Scan.String or Scan.Comment) state = Scan.Code;
                continue;
            }
            switch (state)
            {
                case Scan.Code when c is ' ' or '\t' or ',' && i - lineStart > BreakAfter:
                    copy ??= query.ToCharArray();
                    copy[i] = '\n';
                    longest = Math.Max(longest, i - lineStart);
                    lineStart = i + 1;
                    break;
                case Scan.Code when c == '#':
                    state = Scan.Comment;
                    break;
                case Scan.Code when c == '"':
                    if (string.CompareOrdinal(query, i, "\"\"\"", 0, 3) == 0)
                    {
                        state = Scan.BlockString;
                        i += 2;
                    }
                    else state = Scan.String;
                    break;
                case Scan.String when c == '\\':
                    i++;
                    break;
                case Scan.String when c == '"':
                    state = Scan.Code;
                    break;
                case Scan.BlockString when c == '\\' && string.CompareOrdinal(query, i + 1, "\"\"\"", 0, 3) == 0:
                    i += 3;
                    break;
                case Scan.BlockString when c == '"' && string.CompareOrdinal(query, i, "\"\"\"", 0, 3) == 0:
                    state = Scan.Code;
                    i += 2;
                    break;
            }
        }
        longest = Math.Max(longest, query.Length - lineStart);
        return (copy is null ? query : new string(copy), longest);
    }

    /// <summary>The offset of a 1-based line and column, counting lines as the GraphQL lexer does (\n, \r\n, \r).</summary>
    private static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < text.Length; offset++)
        {
            if (text[offset] == '\n' || (text[offset] == '\r' && (offset + 1 >= text.Length || text[offset + 1] != '\n'))) l++;
        }
        return Math.Min(offset + column - 1, text.Length);
    }

    private static (int Line, int Column) Place(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }
}
