using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The role of every relationship a bulk import created, kept as it is written, so that the import's end can build the
/// chains' role table (<see cref="EdgeRoles"/>) without reading every row back from the file. Twelve bytes a
/// relationship; each distinct role is held once. Only an import into a store without relationships, that updates
/// none, knows every role this way: <see cref="BulkLoad"/> drops the log otherwise.
/// </summary>
internal sealed class RoleLog
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string?> _roles = [null];
    private long[] _keys;
    private int[] _ids;
    private int _count;
    private int _committed;

    public RoleLog(int capacity) => (_keys, _ids) = (new long[Math.Max(1024, capacity)], new int[Math.Max(1024, capacity)]);

    /// <summary>
    /// The role's number (0: none), numbering it when new. Called by one thread at a time, which may be another than
    /// <see cref="Add"/>'s; a number given for a batch that then fails stays unused.
    /// </summary>
    public int Number(string? role)
    {
        if (role is null) return 0;
        if (_numbers.TryGetValue(role, out var id)) return id;
        _numbers.Add(role, id = _roles.Count);
        _roles.Add(role);
        return id;
    }

    /// <summary>A relationship written in the open transaction, with its role's <see cref="Number"/>: kept only if <see cref="Commit"/> follows.</summary>
    public void Add(long key, int role)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _ids, _ids.Length * 2);
        }
        (_keys[_count], _ids[_count]) = (key, role);
        _count++;
    }

    public void Commit() => _committed = _count;

    /// <summary>Forgets what the transaction that failed had added.</summary>
    public void Rollback() => _count = _committed;

    /// <summary>The roles in the file's primary key order (target, type, source), as the role table is built from.</summary>
    public EdgeRoles.Builder Replay()
    {
        var keys = _keys.AsSpan(0, _committed);
        var ids = _ids.AsSpan(0, _committed);
        // Files sorted by title (IMDb's) are written in key order already.
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i - 1] <= keys[i]) continue;
            keys.Sort(ids);
            break;
        }
        var builder = new EdgeRoles.Builder();
        for (var i = 0; i < keys.Length; i++)
        {
            var (source, type, target) = EdgeKeys.Parts(keys[i]);
            builder.Add(source, (RelationshipType)type, target, _roles[ids[i]]);
        }
        return builder;
    }
}
