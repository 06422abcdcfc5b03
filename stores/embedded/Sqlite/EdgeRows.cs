using System.Collections.Concurrent;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>A relationship row as stored: node indexes (seq - 1) and the properties.</summary>
internal readonly record struct EdgeRow(int Source, RelationshipType Type, int Target, RelationshipProperties Properties);

/// <summary>
/// A read-only connection with its statements prepared once. Relationship properties (roles, reasons, sources)
/// stay in the file, not in memory; these are the reads that fetch them, all by the primary key (target, type,
/// source): a node's relationships in are a range of it, and its relationships out, which the in-memory adjacency
/// lists, are read one key each. Rented for one query at a time from <see cref="Pool"/>.
/// </summary>
internal sealed class EdgeRows : IDisposable
{
    private const string Select = "SELECT src, type, dst, role, billing, reason, context, description, source_document, source_quote FROM edges";

    private readonly SqliteConnection _connection;
    private readonly Statement _to, _one, _role;
    private readonly Pool _owner;

    private EdgeRows(string path, Pool owner)
    {
        _owner = owner;
        _connection = StoreFile.OpenReader(path);
        _to = new Statement(_connection, $"{Select} WHERE dst = ?1 ORDER BY type, src");
        _one = new Statement(_connection, $"{Select} WHERE dst = ?1 AND type = ?2 AND src = ?3");
        _role = new Statement(_connection, "SELECT role FROM edges WHERE src = ?1 AND type = ?2 AND dst = ?3");
    }

    /// <summary>
    /// The relationships out of <paramref name="source"/> of the given types that the file holds, by type and then
    /// target: the ones <paramref name="adjacency"/> lists, each read by its key. The file keeps no index by source; one
    /// cost a bulk import a fifth of its time to build, for reads that the adjacency already guides.
    /// </summary>
    public List<EdgeRow> From(Adjacency adjacency, int source, IReadOnlyCollection<RelationshipType> types, CancellationToken ct)
    {
        var rows = new List<EdgeRow>();
        foreach (var type in RelationshipTypes.All)
        {
            if (!types.Contains(type)) continue;
            // Each read looks at the token (Rows).
            foreach (var target in adjacency.Merged(Adjacency.Slot(type, Direction.Out), source))
                if (Properties(source, type, target, ct) is { } properties) rows.Add(new EdgeRow(source, type, target, properties));
        }
        return rows;
    }

    public List<EdgeRow> To(int target, CancellationToken ct) => Rows(_to.Bind(1, target + 1), ct);

    /// <summary>One relationship's properties, by the primary key; null when the file no longer holds it.</summary>
    public RelationshipProperties? Properties(int source, RelationshipType type, int target, CancellationToken ct) =>
        Rows(_one.Bind(1, target + 1).Bind(2, (int)type).Bind(3, source + 1), ct) is [var row] ? row.Properties : null;

    /// <summary>Only the role: what a chain link shows, read without the other columns.</summary>
    public string? Role(int source, RelationshipType type, int target)
    {
        var s = _role.Bind(1, source + 1).Bind(2, (int)type).Bind(3, target + 1);
        if (!s.Next()) return null;
        var role = s.Text(0);
        s.Reset();
        return role;
    }

    private static List<EdgeRow> Rows(Statement s, CancellationToken ct)
    {
        var rows = new List<EdgeRow>();
        while (s.Next())
        {
            // A row is read in microseconds; looking at the token every few hundred stops a long read soon enough.
            if ((rows.Count & 255) == 0) ct.ThrowIfCancellationRequested();
            var document = s.Text(8);
            var properties = new RelationshipProperties(s.Text(3), s.Int(4), s.Text(5), s.Text(6), s.Text(7),
                document is null ? null : new Source(document, s.Text(9)));
            rows.Add(new EdgeRow(s.Int(0)!.Value - 1, (RelationshipType)s.Int(1)!.Value, s.Int(2)!.Value - 1, properties));
        }
        return rows;
    }

    /// <summary>Returns the reader to its pool, ready for its next query even if this one stopped half way.</summary>
    public void Dispose()
    {
        _to.Reset(); _one.Reset(); _role.Reset();
        _owner.Return(this);
    }

    private void Close()
    {
        _to.Dispose(); _one.Dispose(); _role.Dispose();
        _connection.Dispose();
    }

    /// <summary>Readers kept open between queries, as many as have run at once.</summary>
    internal sealed class Pool(string path) : IDisposable
    {
        private readonly ConcurrentBag<EdgeRows> _idle = [];
        private bool _disposed;

        public EdgeRows Rent()
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _idle.TryTake(out var reader) ? reader : new EdgeRows(path, this);
        }

        public void Return(EdgeRows reader)
        {
            if (_disposed) reader.Close();
            else _idle.Add(reader);
        }

        public void Dispose()
        {
            _disposed = true;
            while (_idle.TryTake(out var reader)) reader.Close();
        }
    }
}
