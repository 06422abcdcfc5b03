using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Sqlite;

namespace FilmGraph.Store.Embedded.Walks;

/// <summary>
/// What chains read besides the adjacency, <see cref="IdOrder"/> and <see cref="EdgeRoles"/>, carried from one index
/// version to the next by the rules of each, and the reading of a chain's roles: from memory where the table has
/// them, else from the file.
/// </summary>
internal static class ChainTables
{
    /// <summary>The ranks again, rebuilt once the nodes added since (which compare by their ids) are many.</summary>
    public static IdOrder? Order(GraphIndex index, NodeTable nodes) =>
        index.Order is { } order && nodes.Count - order.Count <= Math.Max(4096, nodes.Count / 16) ? order : IdOrder.Build(nodes);

    /// <summary>
    /// The roles table while it still tells the truth: the same built rows (new relationships sit in the overlay,
    /// which the table does not cover) and no relationship's properties rewritten.
    /// </summary>
    public static EdgeRoles? Roles(GraphIndex index, Adjacency adjacency, AppliedBatch applied) =>
        index.Roles is { } roles && adjacency.SharesRowsWith(index.Adjacency) && applied.Summary.Relationships.Updated == 0 ? roles : null;

    public static long Bytes(GraphIndex index) =>
        (index.Order?.Count ?? 0) * 4L +
        (index.Roles is { } roles ? roles.Text.Length + roles.Starts.Length * 4L + roles.Ids.Sum(ids => (ids?.Length ?? 0) * 4L) : 0);

    /// <summary>Roles of chain links: from the table, and from the file (a reader rented on first need) for the rest.</summary>
    public sealed class RoleReader(GraphIndex index, EdgeRows.Pool readers) : IDisposable
    {
        private EdgeRows? _rows;

        public string? Role(int person, RelationshipType type, int film)
        {
            if (index.Roles is { } roles && roles.TryRole(index.Adjacency, type, person, film, out var role)) return role;
            return (_rows ??= readers.Rent()).Role(person, type, film);
        }

        /// <summary>Asks for the memory the roles of a chain's links are read from, when they are read from memory.</summary>
        public void Touch(ReadOnlySpan<int> path, RelationshipType[] via)
        {
            if (via.Length == 1) index.Roles?.Touch(index.Adjacency, via[0], path);
        }

        public void Dispose() => _rows?.Dispose();
    }
}
