using System.Text;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// The role of every person-to-film relationship in the adjacency's built rows, so that a chain's links are
/// described without reading the file. Roles repeat a great deal, so each distinct role is stored once, as UTF-8,
/// and each relationship holds a number into that table (0: no role).
/// <para>
/// Layout, as plain arrays to be persisted as they are: <see cref="TextBytes"/> holds the distinct roles end to end and
/// role r (1-based) is <c>TextBytes[Starts[r - 1]..Starts[r]]</c>; <see cref="Ids"/>[type] holds one role number per
/// entry of the adjacency's incoming rows of that type (<c>Slot(type, In)</c>: per film, its people in ascending node
/// order), which is the order of the file's primary key (target, type, source), so the table is read in one pass
/// without sorting. Types that link two people have no entry (null).
/// </para>
/// <para>
/// A relationship created since the rows were built has no number here, and a write that updates relationships
/// makes the table stale; the store then reads roles from the file (see <c>EmbeddedGraphStore</c>).
/// </para>
/// </summary>
internal sealed class EdgeRoles(byte[] text, int[] starts, int[]?[] ids)
{
    private readonly byte[] _text = text;
    private readonly int[] _starts = starts;

    public ReadOnlySpan<byte> TextBytes => _text;
    public ReadOnlySpan<int> Starts => _starts;
    public int[]?[] Ids { get; } = ids;

    /// <summary>A role number for a relationship the table does not hold: its role is read from the file.</summary>
    public const int NotHeld = -1;

    /// <summary>
    /// The role of (<paramref name="person"/>, <paramref name="type"/>, <paramref name="film"/>) when that relationship
    /// is in the built rows of <paramref name="adjacency"/>; false when it must be read from the file.
    /// </summary>
    public bool TryRole(Adjacency adjacency, RelationshipType type, int person, int film, out string? role)
    {
        var number = Number(adjacency, type, person, film);
        role = number == NotHeld ? null : Text(number);
        return number != NotHeld;
    }

    /// <summary>The role with number <paramref name="number"/> (0: none).</summary>
    public string? Text(int number) =>
        number == 0 ? null : Encoding.UTF8.GetString(_text, _starts[number - 1], _starts[number] - _starts[number - 1]);

    private int Number(Adjacency adjacency, RelationshipType type, int person, int film)
    {
        if (Ids[(int)type] is not { } ids) return NotHeld;
        var at = adjacency.BaseRowIndex(Adjacency.Slot(type, Direction.In), film, person);
        return at < 0 ? NotHeld : ids[at];
    }

    /// <summary>
    /// The role numbers of a chain's steps (<paramref name="path"/>: person, film, person, ..., all linked by
    /// <paramref name="type"/>; step i joins <c>path[i]</c> and <c>path[i + 1]</c>) into <paramref name="numbers"/>,
    /// <see cref="NotHeld"/> where the table has none. Each role is three waits for memory, one after another (its
    /// place in the rows, its number, its text); read in three rounds over all the steps, those of the steps overlap,
    /// and the texts are in the cache when <see cref="Text"/> decodes them.
    /// </summary>
    public void Read(Adjacency adjacency, RelationshipType type, ReadOnlySpan<int> path, Span<int> numbers)
    {
        if (Ids[(int)type] is not { } ids)
        {
            numbers.Fill(NotHeld);
            return;
        }
        var slot = Adjacency.Slot(type, Direction.In);
        for (var i = 0; i < numbers.Length; i++)
        {
            // The films sit at odd places.
            var (film, person) = i % 2 == 0 ? (path[i + 1], path[i]) : (path[i], path[i + 1]);
            numbers[i] = adjacency.BaseRowIndex(slot, film, person);
            if (numbers[i] >= 0) CacheHint.Prefetch(ids, numbers[i]);
        }
        foreach (ref var n in numbers)
        {
            n = n >= 0 ? ids[n] : NotHeld;
            if (n > 0) CacheHint.Prefetch(_starts, n - 1);
        }
        foreach (var n in numbers)
            if (n > 0) CacheHint.Prefetch(_text, _starts[n - 1]);
    }

    /// <summary>Collects roles in the file's primary key order, then checks they line up with the rows built.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
        private readonly List<byte> _text = [];
        private readonly List<int> _starts = [0];
        private readonly List<int>?[] _ids = new List<int>?[Adjacency.TypeCount];
        private readonly ulong[] _hashes = new ulong[Adjacency.TypeCount];

        /// <summary>One relationship, in (target, type, source) order.</summary>
        public void Add(int source, RelationshipType type, int target, string? role)
        {
            if (type.TargetKind() != NodeKind.Film) return;
            var t = (int)type;
            var ids = _ids[t] ??= [];
            _hashes[t] = Mix(_hashes[t], target, source);
            if (role is null)
            {
                ids.Add(0);
                return;
            }
            if (!_known.TryGetValue(role, out var id))
            {
                _text.AddRange(Encoding.UTF8.GetBytes(role));
                _starts.Add(_text.Count);
                _known[role] = id = _starts.Count - 1;
            }
            ids.Add(id);
        }

        /// <summary>The table for <paramref name="adjacency"/>, or null when the relationships read are not the ones its rows hold.</summary>
        public EdgeRoles? Build(Adjacency adjacency, int nodeCount)
        {
            var ids = new int[]?[Adjacency.TypeCount];
            for (var t = 0; t < Adjacency.TypeCount; t++)
            {
                var type = (RelationshipType)t;
                if (type.TargetKind() != NodeKind.Film) continue;
                var slot = Adjacency.Slot(type, Direction.In);
                ulong hash = 0;
                long count = 0;
                for (var film = 0; film < nodeCount; film++)
                {
                    adjacency.Neighbours(slot, film, out var rows, out var recent);
                    if (recent.Length > 0) return null;
                    foreach (var person in rows) hash = Mix(hash, film, person);
                    count += rows.Length;
                }
                var read = _ids[t];
                if ((read?.Count ?? 0) != count || hash != _hashes[t]) return null;
                ids[t] = read is null ? [] : [.. read];
            }
            return new EdgeRoles([.. _text], [.. _starts], ids);
        }

        private static ulong Mix(ulong hash, int target, int source) =>
            (hash ^ ((ulong)(uint)target << 32 | (uint)source)) * 0x100000001B3UL + 0x9E3779B97F4A7C15UL;
    }
}
