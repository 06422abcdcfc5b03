using FilmGraph.Store.Embedded.Sqlite;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The bulk import's in-memory keys: ids and relationships packed into integers that give them back exactly.</summary>
public sealed class BulkKeyTests
{
    [Fact]
    public void Ids_of_IMDb_shape_get_distinct_keys_leading_zeros_and_letters_included()
    {
        string[] ids = ["nm1", "nm01", "nm001", "nm0000001", "nm10", "mn1", "tt1", "zz999999999999999", "aa000000000000000", "nm0000123"];
        var keys = ids.Select(id => IdMap.TryKey(id, out var key) ? key : throw new InvalidOperationException($"{id} has no key")).ToList();

        Assert.Equal(ids.Length, keys.Distinct().Count());
        Assert.DoesNotContain(0L, keys);
    }

    [Theory]
    [InlineData("nm")]
    [InlineData("NM0000001")]
    [InlineData("n10000001")]
    [InlineData("nm12a")]
    [InlineData("nm-1")]
    [InlineData("nm1234567890123456")]
    [InlineData("emma-stone")]
    [InlineData("nm１")]
    public void Ids_of_any_other_shape_get_none(string id) => Assert.False(IdMap.TryKey(id, out _));

    [Fact]
    public void The_map_finds_every_id_it_was_given_and_nothing_else_as_it_grows()
    {
        var map = IdMapOf(0);
        for (var node = 0; node < 5_000; node++) map.Add(Key($"nm{node:D7}"), node);

        for (var node = 0; node < 5_000; node++) Assert.Equal(node, map.IndexOf(Key($"nm{node:D7}")));
        Assert.Equal(-1, map.IndexOf(Key("nm5000000")));
        Assert.Equal(-1, map.IndexOf(Key("tt0000001")));
    }

    [Fact]
    public void Relationship_keys_give_their_parts_back_and_sort_in_primary_key_order()
    {
        (int Source, int Type, int Target)[] edges = [(0, 0, 0), (5, 6, 0), (0, 0, 1), ((1 << 28) - 2, 3, 7), (3, 15, (1 << 28) - 2)];
        foreach (var (source, type, target) in edges) Assert.Equal((source, type, target), EdgeKeys.Parts(EdgeKeys.Of(source, type, target)));

        var sorted = edges.OrderBy(e => EdgeKeys.Of(e.Source, e.Type, e.Target)).ToList();
        Assert.Equal(edges.OrderBy(e => e.Target).ThenBy(e => e.Type).ThenBy(e => e.Source).ToList(), sorted);
    }

    [Fact]
    public void The_key_set_knows_what_was_added_whether_below_or_above_the_largest_key()
    {
        var set = new EdgeKeys(4);
        long[] added = [EdgeKeys.Of(1, 0, 100), EdgeKeys.Of(2, 0, 5), EdgeKeys.Of(3, 1, 50)];
        foreach (var key in added) Assert.True(set.Add(key));
        Assert.False(set.Add(added[1]));

        Assert.All(added, key => Assert.True(set.Contains(key)));
        Assert.False(set.Contains(EdgeKeys.Of(2, 0, 6)));
        Assert.False(set.Contains(EdgeKeys.Of(1, 0, 101)));
        Assert.Equal(3, set.Count);
    }

    private static long Key(string id) => IdMap.TryKey(id, out var key) ? key : throw new InvalidOperationException(id);

    private static IdMap IdMapOf(int nodes) => IdMap.Of(Index.NodeTable.Empty(Math.Max(1, nodes)));
}
