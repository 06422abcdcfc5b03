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
        (index.Roles is { } roles ? roles.TextBytes.Length + roles.Starts.Length * 4L + roles.Ids.Sum(ids => (ids?.Length ?? 0) * 4L) : 0);

    /// <summary>Roles of chain links: from the table, and from the file (a reader rented on first need) for the rest.</summary>
    public sealed class RoleReader(GraphIndex index, EdgeRows.Pool readers) : IDisposable
    {
        private EdgeRows? _rows;

        // The role numbers of the steps of the path last read (EdgeRoles.NotHeld: from the file).
        private int[] _steps = [];

        public string? Role(int person, RelationshipType type, int film)
        {
            if (index.Roles is { } roles && roles.TryRole(index.Adjacency, type, person, film, out var role)) return role;
            return (_rows ??= readers.Rent()).Role(person, type, film);
        }

        /// <summary>
        /// Reads the role numbers of every step of a chain's path together (<see cref="EdgeRoles.Read"/>), for
        /// <see cref="StepRole"/>; a path over several via types reads each link's role when asked.
        /// </summary>
        public void Read(ReadOnlySpan<int> path, RelationshipType[] via)
        {
            if (_steps.Length < path.Length - 1) _steps = new int[path.Length - 1];
            var steps = _steps.AsSpan(0, Math.Max(0, path.Length - 1));
            if (via.Length == 1 && index.Roles is { } roles) roles.Read(index.Adjacency, via[0], path, steps);
            else steps.Fill(EdgeRoles.NotHeld);
        }

        /// <summary>The role on step <paramref name="step"/> of the path last <see cref="Read"/>, which joins the person and the film.</summary>
        public string? StepRole(int step, int person, RelationshipType type, int film) =>
            _steps[step] is var number and not EdgeRoles.NotHeld ? index.Roles!.Text(number) : Role(person, type, film);

        public void Dispose() => _rows?.Dispose();
    }
}
