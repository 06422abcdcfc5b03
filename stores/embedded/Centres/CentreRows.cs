using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Walks;

namespace FilmGraph.Store.Embedded.Centres;

/// <summary>The index's person-film rows of one via set as a <see cref="CentreGraph"/>, and a fingerprint of them.</summary>
internal static class CentreRows
{
    /// <summary>The graph, numbering people and films densely in node order; overlay edges are included.</summary>
    public static CentreGraph Build(GraphIndex graph, IReadOnlyList<RelationshipType> via, CancellationToken ct)
    {
        var view = PersonFilmView.Of(graph, via);
        var nodes = graph.Nodes;
        var local = new int[view.NodeCount];
        int people = 0, films = 0;
        for (var n = 0; n < view.NodeCount; n++) local[n] = view.IsFilm(n) ? films++ : people++;
        var personNode = new int[people];
        var offsets = new int[people + 1];
        for (var n = 0; n < view.NodeCount; n++)
            if (!view.IsFilm(n))
            {
                personNode[local[n]] = n;
                offsets[local[n] + 1] = PersonFilmView.Degree(view.ToFilm, n);
            }
        for (var p = 0; p < people; p++) offsets[p + 1] += offsets[p];
        var rows = new int[offsets[people]];
        for (var p = 0; p < people; p++)
        {
            if ((p & 65535) == 0) ct.ThrowIfCancellationRequested();
            var at = offsets[p];
            foreach (var side in view.ToFilm)
            {
                foreach (var f in side.Rows(personNode[p])) rows[at++] = local[f];
                foreach (var f in side.Recent(personNode[p])) rows[at++] = local[f];
            }
        }
        return CentreGraph.FromPersonRows(films, offsets, rows, p => nodes.Id(personNode[p]));
    }

    /// <summary>
    /// A hash of the via relationships that does not depend on how they are laid out (compressed rows or overlay,
    /// in any order): the sum of a mix of every (person, type, film). Centres computed for one fingerprint hold for
    /// any index with the same, since node numbers are the file's own and only grow.
    /// </summary>
    public static ulong Fingerprint(GraphIndex graph, IReadOnlyList<RelationshipType> via)
    {
        var view = PersonFilmView.Of(graph, via);
        var types = via.Distinct().Order().ToArray();
        ulong sum = (ulong)view.Edges * 0x9E3779B97F4A7C15UL;
        for (var n = 0; n < view.NodeCount; n++)
        {
            for (var t = 0; t < types.Length; t++)
            {
                var side = view.ToFilm[t];
                var salt = Mix((ulong)(uint)n << 3 | (ulong)types[t]);
                foreach (var f in side.Rows(n)) sum += Mix(salt + (ulong)(uint)f);
                foreach (var f in side.Recent(n)) sum += Mix(salt + (ulong)(uint)f);
            }
        }
        return sum;
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the word.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
