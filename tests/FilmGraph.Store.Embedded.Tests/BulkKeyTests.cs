using FilmGraph.Store.Embedded.Index;
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
    public void A_lookup_asked_ahead_finds_what_a_plain_lookup_finds_for_ids_of_every_shape()
    {
        var rows = new[] { "nm0000001", "emma-stone", "tt0000002", "la-la-land", "nm0000003" }
            .Select((id, node) => new NodeRow(node, id, id.StartsWith("tt", StringComparison.Ordinal) ? Core.NodeKind.Film : Core.NodeKind.Person, id, null, null))
            .ToList();
        var nodes = NodeTable.Empty().With(rows, []);
        var ahead = new BatchLookup(nodes, IdMap.Of(nodes));
        string[] asked = ["nm0000001", "emma-stone", "nm0000009", "no-such-slug", "tt0000002", "la-la-land", "nm0000003", "NM0000001"];

        var keys = asked.Select(id => ahead.Ahead(id)).ToList();
        var found = asked.Select((id, i) => ahead.IndexOf(id, keys[i])).ToList();

        var plain = new BatchLookup(nodes);
        Assert.Equal(asked.Select(id => plain.IndexOf(id)), found);
        Assert.Equal([0, 1, -1, -1, 2, 3, 4, -1], found);
        Assert.Equal([true, false, true, false, true, false, true, false], keys.Select(k => k != 0));
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

    /// <summary>
    /// Keys in rising order (a file sorted by title) and out of it (a film whose credits straddle batches, a file in
    /// any order), many of each: the set agrees with a HashSet on every key added and on as many never added, and gives
    /// every key back once.
    /// </summary>
    [Fact]
    public void The_key_set_agrees_with_a_hash_set_for_keys_in_order_and_out_of_it()
    {
        var random = new Random(7);
        var set = new EdgeKeys(16);
        var expected = new HashSet<long>();
        var target = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly rising; one in five anywhere below.
            var key = random.Next(5) == 0
                ? EdgeKeys.Of(random.Next(1000), random.Next(3), random.Next(Math.Max(1, target)))
                : EdgeKeys.Of(random.Next(1000), random.Next(3), target += random.Next(2));
            Assert.Equal(expected.Add(key), set.Add(key));
        }
        for (var i = 0; i < 20_000; i++)
        {
            var key = EdgeKeys.Of(random.Next(1000), random.Next(3), random.Next(target + 2));
            Assert.Equal(expected.Contains(key), set.Contains(key));
        }
        Assert.Equal(expected.Count, set.Count);
        var (sources, types, targets) = set.Columns();
        var back = Enumerable.Range(0, sources.Length).Select(i => EdgeKeys.Of(sources[i], types[i], targets[i])).ToHashSet();
        Assert.Equal(sources.Length, back.Count);
        Assert.True(back.SetEquals(expected));
    }

    /// <summary>
    /// The import's per-row calls go to SQLite on the statement's pointer only when SQLitePCL runs on the library they
    /// name; with the package's own provider they must, or the fast path is silently lost. Written and read back through
    /// them: the values come back as bound.
    /// </summary>
    [Fact]
    public void Binds_go_straight_to_the_library_SQLitePCL_loaded_and_store_what_was_bound()
    {
        using var temp = new Contract.TempStorePath();
        using var connection = StoreFile.OpenWriter(temp.File);
        StoreFile.Execute(connection, "CREATE TABLE t (a INTEGER, b TEXT, c TEXT)");
        using (var insert = new Statement(connection, "INSERT INTO t VALUES (?1, ?2, ?3), (?4, ?5, ?6)"))
            insert.Bind(1, 7).Bind(2, "Zoë").Bind(3, (string?)null).Bind(4, (long?)null).Bind(5, "").Bind(6, "x").Execute();

        Assert.True(NativeCalls.Direct);
        using var read = new Statement(connection, "SELECT a, b, c FROM t ORDER BY rowid");
        Assert.True(read.Next());
        Assert.Equal((7, "Zoë", (string?)null), (read.Int(0), read.Text(1), read.Text(2)));
        Assert.True(read.Next());
        Assert.Equal(((int?)null, "", "x"), (read.Int(0), read.Text(1), read.Text(2)));
        Assert.False(read.Next());
    }

    private static long Key(string id) => IdMap.TryKey(id, out var key) ? key : throw new InvalidOperationException(id);

    private static IdMap IdMapOf(int nodes) => IdMap.Of(Index.NodeTable.Empty(Math.Max(1, nodes)));
}
