namespace FilmGraph.Client.Transport;

/// <summary>
/// Tells, without parsing, whether a document can only run a query, so that it may be sent by GET. It looks for the
/// words <c>mutation</c> and <c>subscription</c> outside selection sets, strings and comments; a false answer only
/// costs cacheability (POST runs anything), so any doubt answers false.
/// </summary>
internal static class OperationKind
{
    public static bool IsQuery(string document)
    {
        var depth = 0;
        for (var i = 0; i < document.Length; i++)
        {
            var c = document[i];
            if (c == '#')
            {
                while (i + 1 < document.Length && document[i + 1] is not '\n' and not '\r') i++;
            }
            else if (c == '"')
            {
                i = EndOfString(document, i);
                if (i < 0) return false;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (IsNameStart(c))
            {
                var start = i;
                while (i + 1 < document.Length && IsNamePart(document[i + 1])) i++;
                var variable = start > 0 && document[start - 1] == '$';
                if (depth == 0 && !variable && document.AsSpan(start, i - start + 1) is "mutation" or "subscription") return false;
            }
        }
        return true;
    }

    // The index of the closing quote of the string that opens at `start`, or -1 when it does not close.
    private static int EndOfString(string document, int start)
    {
        if (document.AsSpan(start).StartsWith("\"\"\""))
        {
            for (var i = start + 3; i + 2 < document.Length; i++)
            {
                if (document[i] == '\\' && document.AsSpan(i).StartsWith("\\\"\"\"")) i += 3;
                else if (document.AsSpan(i).StartsWith("\"\"\"")) return i + 2;
            }
            return -1;
        }
        for (var i = start + 1; i < document.Length; i++)
        {
            if (document[i] == '\\') i++;
            else if (document[i] == '"') return i;
            else if (document[i] is '\n' or '\r') return -1;
        }
        return -1;
    }

    private static bool IsNameStart(char c) => c is '_' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsNamePart(char c) => IsNameStart(c) || c is >= '0' and <= '9';
}
