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
    public void Two_ids_found_together_are_the_nodes_each_finds_alone_in_every_version()
    {
        // Ids of every shape: IMDb's, short, accented, astral, and past the 256 bytes encoded on the stack. A table of
        // 64 slots for 20 nodes, so that probes run on past slots of other ids.
        string[] shapes = ["nm0000001", "tt0000001", "a", "é", "😀x", "日本", new string('n', 300), "Ωmega" + new string('é', 200)];
        var ids = shapes.Concat(Enumerable.Range(0, 12).Select(i => $"nm{i:D7}")).ToList();
        var v1 = NodeTable.Empty(32).With(ids.Take(10).Select((id, i) => Row(i, id, id)).ToList(), []);
        var v2 = v1.With(ids.Skip(10).Select((id, i) => Row(10 + i, id, id)).ToList(), []);
        string[] absent = ["nm9999999", "", "b", new string('n', 301)];
        var asked = ids.Concat(absent).ToList();
        foreach (var table in new[] { v1, v2 })
            foreach (var a in asked)
                foreach (var b in asked)
                    Assert.Equal((table.IndexOf(a), table.IndexOf(b)), table.IndexOf(a, b));
        Assert.Equal((-1, 11), (v1.IndexOf(ids[11], ids[11]).A, v2.IndexOf(ids[11], ids[11]).B));
        Assert.Equal((6, 7), v2.IndexOf(ids[6], ids[7]));
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

    [Fact]
    public void Ranks_follow_the_ids_whether_or_not_the_nodes_came_in_id_order()
    {
        string[] sorted = ["nm0000001", "nm0000002", "nm0000010", "tt0000001", "tt0000002"];
        string[] shuffled = ["tt0000002", "nm0000010", "é", "nm0000001", "\uE000", "😀", "tt0000001", ""];
        foreach (var ids in new[] { sorted, shuffled })
        {
            var table = NodeTable.Empty().With(ids.Select((id, i) => Row(i, id, id)).ToList(), []);
            var order = IdOrder.Build(table);
            for (var a = 0; a < ids.Length; a++)
                for (var b = 0; b < ids.Length; b++)
                    Assert.Equal(Math.Sign(string.CompareOrdinal(ids[a], ids[b])), Math.Sign(order.Compare(a, b)));
        }
    }

    [Fact]
    public void The_name_index_finds_long_accented_and_aliased_names_by_their_words_and_joined_pairs()
    {
        // Past the 256 bytes keyed on the stack, and a joined pair longer than the room first made for one.
        var longWord = new string('q', 400);
        string[] labels = ["Robert De Niro", "Amélie Poulain", $"The {longWord} Film {new string('x', 300)}", "O'Brien, Conan", "Bjørk", "!!!"];
        var rows = labels.Select((label, i) => Row(i, $"id{i}", label, aliases: i == 4 ? ["Björk Guðmundsdóttir"] : null)).ToList();
        var table = NodeTable.Empty().With(rows, []);
        var names = NameIndex.Build(table);
        var adjacency = Adjacency.Build(table.Count, [], [], []);

        Assert.Equal([0], names.Exact(table, "robert de niro"));
        Assert.Equal([1], names.Exact(table, TextKey.Of("AMELIE poulain")));
        Assert.Equal([3], names.Exact(table, "obrien conan"));
        Assert.Equal([4], names.Exact(table, "bjork gudmundsdottir"));
        Assert.Equal(0, names.Search(table, adjacency, "deniro", 5).Single().Node);
        Assert.Equal(2, names.Search(table, adjacency, $"{longWord}film", 5).Single().Node);
        Assert.Equal(2, names.Search(table, adjacency, new string('x', 300), 5).Single().Node);
        Assert.Equal(4, names.Search(table, adjacency, "gudmundsdottir", 5).Single().Node);
    }
}
