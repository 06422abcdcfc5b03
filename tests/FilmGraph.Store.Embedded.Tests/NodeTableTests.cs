using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The compact node table keeps the versioning the store relies on, and orders ids as strings do.</summary>
public sealed class NodeTableTests
{
    private static NodeRow Row(int node, string id, string label, int? year = null, string[]? aliases = null) =>
        new(node, id, NodeKind.Person, label, year, aliases);

    [Fact]
    public void An_older_version_sees_neither_nodes_added_nor_changes_made_after_it()
    {
        var v1 = NodeTable.Empty(2).With([Row(0, "a", "Ann", 1950), Row(1, "b", "Bob")], []);
        // Past the capacity of two: the columns and the id hash grow into new arrays for later versions.
        var v2 = v1.With(Enumerable.Range(2, 40).Select(i => Row(i, $"id{i}", $"Person {i}")).ToList(), [Row(0, "a", "Annabel Longer Name", 1951, ["Bel"])]);
        var v3 = v2.With([Row(42, "late", "Late")], []);

        Assert.Equal((2, "Ann", (int?)1950, 0), (v1.Count, v1.Label(0), v1.Year(0), v1.Aliases(0).Count));
        Assert.Equal(-1, v1.IndexOf("id7"));
        Assert.Equal(-1, v2.IndexOf("late"));
        Assert.Equal(("Annabel Longer Name", (int?)1951, "Bel"), (v3.Label(0), v3.Year(0), v3.Aliases(0)[0]));
        Assert.Equal((7, 42, "Bob"), (v3.IndexOf("id7"), v3.IndexOf("late"), v3.Label(1)));
        for (var i = 2; i < 42; i++) Assert.Equal($"Person {i}", v2.Label(i));
    }

    [Fact]
    public void Ids_compare_as_ordinal_strings_whatever_their_characters()
    {
        string[] ids = ["a", "ab", "b", "", "é", "z", "\uE000", "\uFFFD", "😀", "\U0001F600x", "nm00001", "nm0001", "Ω", "日本"];
        var table = NodeTable.Empty().With(ids.Select((id, i) => Row(i, id, id)).ToList(), []);
        for (var a = 0; a < ids.Length; a++)
            for (var b = 0; b < ids.Length; b++)
                Assert.Equal(Math.Sign(string.CompareOrdinal(ids[a], ids[b])), Math.Sign(table.CompareIds(a, b)));
    }
}
