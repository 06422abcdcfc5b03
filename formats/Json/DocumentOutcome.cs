using System.Text.RegularExpressions;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// The report of a FilmGraph JSON document read whole, counted as a batched import counts: every record the file
/// holds is read; one with a fault, its own or the store's, is rejected (and written to the rejects file with its
/// text), and a fault outside any record (the document's shape, broken JSON) is unreadable input. A document with
/// any fault is written not at all, so the other records are read but neither rejected nor written.
/// </summary>
internal static partial class DocumentOutcome
{
    private const string SameAgain = "the same record again";
    private const int Examples = 3;

    public static ImportReport Written(GraphDocument doc, WriteSummary summary) =>
        new(summary, [], Applied: true) { Records = ReadCounts(doc), Skipped = Skips(doc), WholeFile = true };

    public static ImportReport Refused(GraphDocument doc, IReadOnlyList<ImportError> errors, TextWriter? rejects)
    {
        var ordered = errors.OrderBy(e => e.Line).ToList();
        // The faulty records in the order of their first fault, each with all of its faults.
        var byRecord = new List<(string Path, List<ImportError> Errors)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unreadable = new List<ImportError>();
        foreach (var error in ordered)
        {
            if (RecordPath(error.Path) is not { } path || !doc.Records.ContainsKey(path))
            {
                unreadable.Add(error);
                continue;
            }
            if (!index.TryGetValue(path, out var at))
            {
                index[path] = at = byRecord.Count;
                byRecord.Add((path, []));
            }
            byRecord[at].Errors.Add(error);
        }
        var rejected = new long[3];
        foreach (var (path, _) in byRecord) rejected[(int)doc.Records[path].Kind]++;
        if (rejects is not null) WriteRejects(doc, byRecord, unreadable, rejects);
        return new ImportReport(WriteSummary.Zero, ordered, Applied: false)
        {
            Records = ReadCounts(doc),
            Rejected = new GraphStats(rejected[0], rejected[1], rejected[2]),
            Unreadable = unreadable.Count,
            Skipped = Skips(doc),
            WholeFile = true,
        };
    }

    private static GraphStats ReadCounts(GraphDocument doc)
    {
        var read = new long[3];
        foreach (var (kind, _) in doc.Records.Values) read[(int)kind]++;
        return new GraphStats(read[0], read[1], read[2]);
    }

    private static List<SkipCount> Skips(GraphDocument doc) =>
        [.. doc.Repeated.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => new SkipCount(g.Key, SameAgain, g.Count(), [.. g.Take(Examples).Select(r => $"{doc.File}:{r.Place.Line}")]))];

    /// <summary>"$.people[3]" for "$.people[3].source.quote"; null for a path outside the arrays of records.</summary>
    private static string? RecordPath(string path) => RecordPrefix().Match(path) is { Success: true } m ? m.Value : null;

    /// <summary>
    /// As the batched formats write them: a "# file:line: path: reason" line for each rejected record, with all its
    /// faults, then its text when the record has lines of its own (a document laid out one record or more lines
    /// each); a fault outside any record is its "#" line alone.
    /// </summary>
    private static void WriteRejects(GraphDocument doc, List<(string Path, List<ImportError> Errors)> byRecord, List<ImportError> unreadable,
        TextWriter rejects)
    {
        var places = byRecord.Select(r => doc.Records[r.Path].Place).ToList();
        var lines = LinesOf(doc.File, places);
        var entries = byRecord.Select((r, i) => (r.Errors[0].Line, Text: Header(r.Errors), Place: (RecordPlace?)places[i]))
            .Concat(unreadable.Select(e => (e.Line, Text: e.ToString(), Place: (RecordPlace?)null)))
            .OrderBy(e => e.Line);
        foreach (var (_, header, place) in entries)
        {
            rejects.Write("# ");
            rejects.WriteLine(header);
            if (place is not null && TextOf(place, lines) is { } text) rejects.WriteLine(text);
        }
    }

    private static string Header(List<ImportError> errors)
    {
        var first = errors[0];
        var message = string.Join("; ", errors.Select(e => e == first ? e.Message : $"{e.Path}: {e.Message}"));
        return (first with { Message = message }).ToString();
    }

    /// <summary>The lines of the file that the given records span, by number; only those are kept.</summary>
    private static Dictionary<int, string> LinesOf(string file, List<RecordPlace> places)
    {
        var wanted = new HashSet<int>();
        foreach (var place in places)
            for (var line = place.Line; line <= place.EndLine; line++) wanted.Add(line);
        var lines = new Dictionary<int, string>();
        if (wanted.Count == 0) return lines;
        using var input = new TextInput(file);
        var number = 0;
        var last = wanted.Max();
        while (number < last && input.Text.ReadLine() is { } text)
            if (wanted.Contains(++number)) lines[number] = text;
        return lines;
    }

    /// <summary>
    /// The record's lines, when they hold that record alone: the first starts with its '{' and the last ends with
    /// its '}'. A record sharing a line with others (a document on one line) is left to its "#" line.
    /// </summary>
    private static string? TextOf(RecordPlace place, Dictionary<int, string> lines)
    {
        if (!lines.TryGetValue(place.Line, out var first) || !lines.TryGetValue(place.EndLine, out var last)) return null;
        var end = last.TrimEnd().TrimEnd(',');
        if (!first.TrimStart().StartsWith('{') || !end.EndsWith('}')) return null;
        if (place.Line == place.EndLine) return end.Trim();
        var text = Enumerable.Range(place.Line, place.EndLine - place.Line + 1).Select(n => lines[n]).ToList();
        text[^1] = text[^1].TrimEnd().TrimEnd(',');
        return string.Join(Environment.NewLine, text);
    }

    [GeneratedRegex(@"^\$\.(people|films|relationships)\[\d+\]")]
    private static partial Regex RecordPrefix();
}
