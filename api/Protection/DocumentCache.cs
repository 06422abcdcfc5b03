using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace FilmGraph.Api.Protection;

/// <summary>
/// Parsed documents by their exact text, so that a query sent again is neither parsed, measured nor (once it has
/// passed) validated again: services send the same few queries with different variables, and for a cheap field
/// those steps cost more than the answer. Validation does not depend on variables or on the caller here (the rules
/// are fixed for the life of the process; variables are still coerced on every request), so a document that passed
/// once passes again. Bounded by the characters it holds: when full it is emptied and fills again with what is sent
/// next, so a stream of distinct queries costs a parse each, as without it, and never more memory than the bound.
/// </summary>
internal sealed class DocumentCache(int maxCharacters)
{
    /// <summary>A document that passed the reader's and the shape's limits; <see cref="Validated"/> once it executed.</summary>
    internal sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public volatile bool Validated;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _characters;

    public bool TryGet(string query, out Entry entry) => _entries.TryGetValue(query, out entry!);

    public Entry Add(string query, GraphQLDocument document)
    {
        if (query.Length > maxCharacters) return new Entry(document);
        if (Interlocked.Add(ref _characters, query.Length) > maxCharacters)
        {
            // Emptying whole keeps the bound without bookkeeping per entry; the count restarts from what is kept.
            _entries.Clear();
            Interlocked.Exchange(ref _characters, query.Length);
        }
        return _entries.GetOrAdd(query, new Entry(document));
    }
}
