using System.Collections.Concurrent;
using System.Diagnostics;

namespace FilmGraph.Bolt.Routing;

/// <summary>
/// Each user's home database, as a router named it when asked for the default database. An entry holds as long as
/// the routing table that named it (the server's own statement of how long its answer stands); after that the next
/// session asks the router again, since a user's home database can change.
/// </summary>
internal sealed class HomeDatabaseCache
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (string Database, long ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public string? Get(string user)
    {
        if (!_entries.TryGetValue(user, out var entry))
        {
            return null;
        }
        if (Stopwatch.GetTimestamp() < entry.ExpiresAt)
        {
            return entry.Database;
        }
        _entries.TryRemove(new KeyValuePair<string, (string, long)>(user, entry));
        return null;
    }

    public void Set(string user, string database, long expiresAt)
    {
        if (_entries.Count >= MaxEntries)
        {
            // Impersonation can name any number of users; forgetting them all costs one ROUTE each.
            _entries.Clear();
        }
        _entries[user] = (database, expiresAt);
    }
}
