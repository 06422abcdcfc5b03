using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using FilmGraph.Store.Embedded.Index.Snapshot;
using FilmGraph.Store.Embedded.Sqlite;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>
/// The index snapshot beside the store file: read back, it is the index built from the file, node for node, row for
/// row and word for word; damaged, of another version or older than the file, it is refused and the store builds from
/// the file with the same answers.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly TempStorePath _path = new();

    private string SnapshotPath => IndexSnapshot.PathFor(_path.File);

    public void Dispose() => _path.Dispose();

    private EmbeddedGraphStore Open(bool buildIndex = true, bool snapshot = true, TimeSpan? delay = null) =>
        EmbeddedGraphStore.Open(new EmbeddedStoreOptions
        {
            Path = _path.File, BuildIndex = buildIndex, Snapshot = snapshot, ExternalChangePoll = TimeSpan.Zero,
            SnapshotDelay = delay ?? TimeSpan.FromHours(1),
        });

    /// <summary>
    /// A few hundred people and films with accents, aliases, films without a year and every relationship type, written
    /// in several batches (so the index in memory carries overlay edges and recent names), with renames and a removal.
    /// </summary>
    private async Task WriteVariedGraphAsync(EmbeddedGraphStore store, int seed = 5)
    {
        var random = new Random(seed);
        string[] syllables = ["an", "bel", "cor", "dä", "el", "fö", "gar", "hé", "is", "jo", "ka", "lu", "mi", "nø", "or"];
        string Word() => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => syllables[random.Next(syllables.Length)]));
        string Name() => $"{char.ToUpperInvariant(Word()[0])}{Word()} {Word()}";
        for (var batch = 0; batch < 4; batch++)
        {
            var people = Enumerable.Range(batch * 100, 100)
                .Select(i => new Person($"nm{i:D5}", Name(), random.Next(3) == 0 ? null : 1900 + random.Next(100), random.Next(7) == 0 ? [Name(), Word()] : null))
                .ToList();
            var films = Enumerable.Range(batch * 40, 40).Select(i => new Film($"tt{i:D5}", $"The {Name()}", random.Next(4) == 0 ? null : 1950 + random.Next(70))).ToList();
            var relationships = new List<Relationship>();
            for (var r = 0; r < 600; r++)
            {
                var type = RelationshipTypes.All[random.Next(RelationshipTypes.All.Count)];
                var from = $"nm{random.Next((batch + 1) * 100):D5}";
                var to = type == RelationshipType.ConflictedWith ? $"nm{random.Next((batch + 1) * 100):D5}" : $"tt{random.Next((batch + 1) * 40):D5}";
                if (from != to) relationships.Add(new Relationship(type, from, to, new RelationshipProperties(Role: random.Next(2) == 0 ? Word() : null)));
            }
            // Existing people renamed alongside the new ones: the node table copies its labels, the names note recent nodes.
            if (batch > 0) people.Add(new Person($"nm{random.Next(batch * 100):D5}", Name(), 1970));
            await store.WriteAsync(GraphBatch.Of(people, films, relationships.DistinctBy(r => (r.Type, r.From, r.To)).ToList()));
        }
        if (store.IndexSource.Contains("write-only", StringComparison.Ordinal)) return;
        var credits = await store.PersonCreditsAsync("nm00001", null);
        if (credits.Count > 0) Assert.True(await store.UnlinkAsync(credits[0].Type, "nm00001", credits[0].Film.Id));
    }

    private static GraphIndex BuildFromFile(string path)
    {
        using var connection = StoreFile.OpenReader(path);
        return IndexLoader.Load(connection, buildIndex: true, null);
    }

    private static SnapshotStamp StampOfFile(string path)
    {
        using var connection = StoreFile.OpenReader(path);
        return StoreFile.Stamp(connection);
    }

    private static void AssertSameIndex(GraphIndex expected, GraphIndex actual)
    {
        Assert.Equal(expected.Generation, actual.Generation);
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        var (a, b) = (expected.Nodes, actual.Nodes);
        for (var n = 0; n < a.Count; n++)
        {
            Assert.Equal((a.Id(n), a.Kind(n), a.Label(n), a.Year(n)), (b.Id(n), b.Kind(n), b.Label(n), b.Year(n)));
            Assert.Equal(a.Aliases(n), b.Aliases(n));
            Assert.Equal(n, b.IndexOf(a.Id(n)));
        }
        Assert.Equal(-1, b.IndexOf("not-a-node"));
        Assert.True(expected.Adjacency.SameAs(actual.Adjacency, a.Count), "some node's neighbours differ");
        Assert.Equal(expected.Adjacency.BaseEdges + expected.Adjacency.OverlayEdges, actual.Adjacency.BaseEdges + actual.Adjacency.OverlayEdges);
        Assert.True(expected.Names!.SameAs(actual.Names!), "the name indexes differ");
    }

    /// <summary>Answers that touch every structure: search, exact names, credits, chains, neighbourhoods, stats.</summary>
    private static async Task<List<string>> AnswersAsync(EmbeddedGraphStore store)
    {
        var answers = new List<string> { (await store.StatsAsync()).ToString() };
        foreach (var text in new[] { "an", "belcor", "dä", "the kaan", "fo", "hejo lu", "nø", "orli" })
            answers.Add(string.Join(",", (await store.SearchAsync(text, 20)).Select(h => $"{h.Id}:{h.Score:F3}")));
        for (var i = 0; i < 400; i += 37)
        {
            var id = $"nm{i:D5}";
            var person = await store.GetPersonAsync(id);
            answers.Add($"{person}|{string.Join(",", person?.Aliases ?? [])}");
            if (person is not null) answers.Add(string.Join(",", (await store.FindPeopleByNameAsync(person.Name)).Select(p => p.Id)));
            answers.Add(string.Join(",", (await store.PersonCreditsAsync(id, null)).Select(c => $"{c.Type}>{c.Film.Id}:{c.Properties.Role}")));
            answers.Add(string.Join(",", (await store.CoStarsAsync(id, 10)).Select(c => c.Person.Id)));
            foreach (var chain in await store.ShortestChainsAsync(new ChainQuery { From = id, To = $"nm{(i * 7 + 3) % 400:D5}" }, 3))
                answers.Add(string.Join(">", chain.Links.Select(l => $"{l.Film.Id}/{l.To.Id}")));
            var around = await store.NeighbourhoodAsync(new NeighbourhoodQuery(id, 2, RelationshipTypes.All, 100));
            answers.Add(string.Join(",", around.Nodes.Select(n => $"{n.Id}@{n.Distance}")));
        }
        answers.Add(string.Join(",", (await store.FindFilmsByTitleAsync((await store.GetFilmAsync("tt00003"))!.Title, null)).Select(f => f.Id)));
        return answers;
    }

    [Fact]
    public async Task A_snapshot_read_back_is_the_index_built_from_the_file()
    {
        await using (var store = Open())
        {
            await WriteVariedGraphAsync(store);
            Assert.Equal("built from the file, because there is no snapshot", store.IndexSource);
        }
        Assert.True(File.Exists(SnapshotPath), "closing the store saves the snapshot");

        var fromFile = BuildFromFile(_path.File);
        var fromSnapshot = IndexSnapshot.TryRead(SnapshotPath, StampOfFile(_path.File), fromFile.DataVersion, out var why);
        Assert.True(fromSnapshot is not null, why);
        AssertSameIndex(fromFile, fromSnapshot);
        Assert.True(fromFile.Generation > 0);

        await using var reopened = Open();
        Assert.StartsWith("read from the snapshot", reopened.IndexSource);
        await using var built = Open(snapshot: false);
        Assert.Equal(await AnswersAsync(built), await AnswersAsync(reopened));
    }

    [Fact]
    public async Task Slots_keep_offsets_only_over_the_nodes_with_rows_there_built_or_read_back()
    {
        // CAST_IN alone: twelve of the fourteen slots have no edge, and people and films are written apart, so the
        // people's slot needs offsets over the people only and the films' over the films only. The second batch lands
        // in the overlay, so closing saves the rows merged node by node; the rows built from the file are as built.
        var random = new Random(3);
        var cast = Enumerable.Range(0, 500).Select(_ => (P: 20 + random.Next(160), F: random.Next(60))).Distinct()
            .Select(c => new Relationship(RelationshipType.CastIn, $"nm{c.P:D5}", $"tt{c.F:D5}")).ToList();
        await using (var store = Open())
        {
            await store.WriteAsync(GraphBatch.Of(Enumerable.Range(0, 200).Select(i => new Person($"nm{i:D5}", $"Person {i}")).ToList(),
                Enumerable.Range(0, 60).Select(i => new Film($"tt{i:D5}", $"Film {i}", 2000)).ToList(), cast[..250]));
            await store.WriteAsync(GraphBatch.Of(relationships: cast[250..]));
        }
        var fromFile = BuildFromFile(_path.File);
        var fromSnapshot = IndexSnapshot.TryRead(SnapshotPath, StampOfFile(_path.File), fromFile.DataVersion, out var why);
        Assert.True(fromSnapshot is not null, why);
        AssertSameIndex(fromFile, fromSnapshot);

        // Each slot's range: from the first node with a row there to the last (people 20 to 179 are cast, of 0 to 199).
        var people = cast.Select(r => fromFile.Nodes.IndexOf(r.From)).ToList();
        var films = cast.Select(r => fromFile.Nodes.IndexOf(r.To)).ToList();
        var (outSlot, inSlot) = (Adjacency.Slot(RelationshipType.CastIn, Direction.Out), Adjacency.Slot(RelationshipType.CastIn, Direction.In));
        var expected = new Dictionary<int, (int Low, int Length)>
        {
            [outSlot] = (people.Min(), people.Max() - people.Min() + 2),
            [inSlot] = (films.Min(), films.Max() - films.Min() + 2),
        };
        Assert.True(expected[outSlot].Length < 200 && expected[inSlot].Length <= 61, "the ranges cover one kind each");
        foreach (var index in new[] { fromFile, fromSnapshot })
        {
            var parts = index.Adjacency.Parts()!;
            for (var s = 0; s < Adjacency.SlotCount; s++)
                Assert.Equal(expected.TryGetValue(s, out var range) ? range : (0, 1), (parts.Lows[s], parts.Offsets[s].Length));
            AssertSameIndex(fromFile, new GraphIndex(index.Nodes, Adjacency.FromParts(parts), index.Names!, index.DataVersion, index.Generation));
            // The two ranges' offsets, one offset shared by the other twelve slots, and the targets both ways.
            Assert.Equal((expected[outSlot].Length + expected[inSlot].Length + 1L) * sizeof(int) + 2L * cast.Count * sizeof(int),
                index.Adjacency.ApproximateBytes);
        }
    }

    [Theory]
    [InlineData("a range past the nodes")]
    [InlineData("a range below the first node")]
    [InlineData("offsets falling")]
    [InlineData("a target past the nodes")]
    public void Rows_that_do_not_fit_their_nodes_are_refused(string damage)
    {
        // Nodes 0-2 are people, 3-4 films: two CAST_IN edges per film.
        int[] sources = [0, 1, 1, 2], targets = [3, 3, 4, 4];
        var parts = Adjacency.Build(5, sources, Enumerable.Repeat((byte)RelationshipType.CastIn, 4).ToArray(), targets).Parts()!;
        var inSlot = Adjacency.Slot(RelationshipType.CastIn, Direction.In);
        Assert.Equal((3, 3), (parts.Lows[inSlot], parts.Offsets[inSlot].Length));
        var (lows, offsets, rows) = ((int[])parts.Lows.Clone(), (int[][])parts.Offsets.Clone(), (int[][])parts.Targets.Clone());
        switch (damage)
        {
            case "a range past the nodes": lows[inSlot] = 4; break;
            case "a range below the first node": lows[inSlot] = -1; break;
            case "offsets falling": (offsets[inSlot], rows[inSlot]) = ([0, 3, 2], [0, 1]); break;
            case "a target past the nodes": rows[inSlot] = [0, 1, 1, 5]; break;
        }
        Assert.Throws<InvalidDataException>(() => Adjacency.FromParts(new AdjacencyParts(offsets, lows, rows, 5)));
        // Undamaged, the same parts are taken.
        Assert.Equal(4, Adjacency.FromParts(parts).BaseEdges);
    }

    [Fact]
    public async Task A_store_opened_from_its_snapshot_keeps_writing_and_saves_what_it_wrote()
    {
        await using (var store = Open()) await WriteVariedGraphAsync(store, seed: 1);
        await using (var store = Open())
        {
            Assert.StartsWith("read from the snapshot", store.IndexSource);
            await store.WriteAsync(GraphBatch.Of(people: [new Person("nm90000", "Zoë Late", 2001)],
                relationships: [new Relationship(RelationshipType.CastIn, "nm90000", "tt00002", new RelationshipProperties(Role: "Cameo"))]));
            Assert.Equal("nm90000", (await store.SearchAsync("zoe late", 1))[0].Id);
        }
        await using var reopened = Open();
        Assert.StartsWith("read from the snapshot", reopened.IndexSource);
        Assert.Equal(1, await reopened.SeparationAsync(new ChainQuery { From = "nm90000", To = (await reopened.FilmCreditsAsync("tt00002", null)).First(c => c.Person.Id != "nm90000").Person.Id }));
        AssertSameIndex(BuildFromFile(_path.File), IndexSnapshot.TryRead(SnapshotPath, StampOfFile(_path.File), 0, out _)!);
    }

    public static TheoryData<string> Damages => ["flip header", "flip stamp", "flip nodes", "flip adjacency", "flip names", "flip last byte", "cut short", "cut to header", "empty", "wrong version", "not a snapshot"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_snapshot_is_refused_and_the_store_builds_from_the_file_with_the_same_answers(string damage)
    {
        await using (var store = Open()) await WriteVariedGraphAsync(store, seed: 2);
        List<string> expected;
        await using (var built = Open(snapshot: false)) expected = await AnswersAsync(built);

        Damage(SnapshotPath, damage);
        var stamp = StampOfFile(_path.File);
        Assert.Null(IndexSnapshot.TryRead(SnapshotPath, stamp, 0, out var why));
        Assert.StartsWith("the snapshot cannot be used: ", why);
        if (damage == "wrong version") Assert.Contains("format version 99", why);
        if (damage.StartsWith("flip ", StringComparison.Ordinal)) Assert.Contains("checksum", why);

        await using (var store = Open())
        {
            Assert.Equal($"built from the file, because {why}", store.IndexSource);
            Assert.Equal(expected, await AnswersAsync(store));
        }
        // Closing put a sound snapshot back in place of the damaged one.
        Assert.NotNull(IndexSnapshot.TryRead(SnapshotPath, stamp, 0, out _));
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = new SnapshotReader(path);
        // The middle of the section: past its first counts, inside its arrays.
        long Inside(uint tag) => reader.Extent(tag).Offset + reader.Extent(tag).Length / 2;
        switch (damage)
        {
            case "flip header": bytes[20] ^= 0x40; break;
            case "flip stamp": bytes[Inside(SnapshotFormat.Stamp)] ^= 0x01; break;
            case "flip nodes": bytes[Inside(SnapshotFormat.Nodes)] ^= 0x01; break;
            case "flip adjacency": bytes[Inside(SnapshotFormat.Adjacency)] ^= 0x01; break;
            case "flip names": bytes[Inside(SnapshotFormat.Names)] ^= 0x01; break;
            case "flip last byte": bytes[^1] ^= 0x80; break;
            case "cut short": bytes = bytes[..(bytes.Length - 100)]; break;
            case "cut to header": bytes = bytes[..(SnapshotFormat.HeaderBytes - 1)]; break;
            case "empty": bytes = []; break;
            case "wrong version": bytes[8] = 99; break;
            case "not a snapshot": bytes[0] = (byte)'X'; break;
            default: throw new ArgumentException(damage, nameof(damage));
        }
        reader.Dispose();
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task Writing_again_what_the_store_holds_keeps_its_snapshot_current()
    {
        await using (var store = Open()) await store.WriteAsync(ContractGraph.Batch());
        var generation = StampOfFile(_path.File).Generation;
        await using (var store = Open())
        {
            Assert.StartsWith("read from the snapshot", store.IndexSource);
            var again = await store.WriteAsync(ContractGraph.Batch());
            Assert.Equal(0, again.People.Created + again.People.Updated + again.Relationships.Created + again.Relationships.Updated);
            Assert.False(await store.WriteSnapshotAsync());
        }
        Assert.Equal(generation, StampOfFile(_path.File).Generation);
        await using var reopened = Open();
        Assert.StartsWith("read from the snapshot", reopened.IndexSource);
    }

    [Fact]
    public async Task A_snapshot_older_than_the_file_is_not_used()
    {
        await using (var store = Open()) await WriteVariedGraphAsync(store, seed: 3);
        var old = File.ReadAllBytes(SnapshotPath);
        // Another store on the same file writes and saves its own snapshot; then the old one is put back.
        await using (var other = Open())
            await other.WriteAsync(GraphBatch.Of(people: [new Person("nm80000", "Newer Person")]));
        File.WriteAllBytes(SnapshotPath, old);

        await using var store2 = Open();
        Assert.StartsWith("built from the file, because the snapshot is stale: it holds write generation ", store2.IndexSource);
        Assert.Equal("Newer Person", (await store2.GetPersonAsync("nm80000"))?.Name);
    }

    [Fact]
    public async Task A_snapshot_is_not_used_after_a_write_from_another_connection()
    {
        await using (var store = Open()) await WriteVariedGraphAsync(store, seed: 4);
        var stamp = StampOfFile(_path.File);

        // A FilmGraph writer elsewhere raises the generation with its change, even one that adds no node.
        using (var connection = StoreFile.OpenWriter(_path.File))
        {
            using var tx = connection.BeginTransaction();
            StoreFile.Execute(connection, "UPDATE nodes SET label = 'Renamed Elsewhere' WHERE id = 'nm00002'", tx);
            StoreFile.NextGeneration(connection, tx);
            tx.Commit();
        }
        SqliteConnection.ClearAllPools();
        await using (var store = Open())
        {
            Assert.Contains($"it holds write generation {stamp.Generation} and the file is at {stamp.Generation + 1}", store.IndexSource);
            Assert.Equal("Renamed Elsewhere", (await store.GetPersonAsync("nm00002"))?.Name);
        }

        // A writer that does not count its write is still caught when it adds nodes.
        using (var connection = StoreFile.OpenWriter(_path.File))
            StoreFile.Execute(connection, "INSERT INTO nodes (seq, id, kind, label) VALUES ((SELECT max(seq) + 1 FROM nodes), 'nm70000', 0, 'Uncounted Person')");
        SqliteConnection.ClearAllPools();
        await using (var store = Open())
        {
            Assert.Contains("nodes and the file", store.IndexSource);
            Assert.Equal("Uncounted Person", (await store.GetPersonAsync("nm70000"))?.Name);
        }
    }

    [Fact]
    public async Task A_snapshot_of_another_store_file_at_the_path_is_not_used()
    {
        await using (var store = Open()) await WriteVariedGraphAsync(store, seed: 6);
        var old = File.ReadAllBytes(SnapshotPath);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_path.Directory)) File.Delete(file);
        await using (var fresh = Open()) await fresh.WriteAsync(ContractGraph.Batch());
        File.WriteAllBytes(SnapshotPath, old);

        await using var reopened = Open();
        Assert.StartsWith("built from the file, because the snapshot is stale: it is of another store file", reopened.IndexSource);
        Assert.Equal("Ada Lovelace", (await reopened.GetPersonAsync("ada"))?.Name);
    }

    [Fact]
    public async Task The_store_saves_the_snapshot_in_the_background_once_writes_settle()
    {
        await using var store = Open(delay: TimeSpan.FromMilliseconds(50));
        await store.WriteAsync(ContractGraph.Batch());
        var generation = StampOfFile(_path.File).Generation;
        // Waits for the background save (bounded so a broken save fails rather than hangs); no speed is asserted.
        // The note is set just after the file is in place (an earlier save, of the empty store, may have set it already).
        for (var tries = 0; !(store.SnapshotNote?.Contains($"write generation {generation},", StringComparison.Ordinal) ?? false) && tries < 600; tries++)
            await Task.Delay(50);
        Assert.Equal(generation, IndexSnapshot.StampOf(SnapshotPath)?.Generation);
        Assert.StartsWith("Saved the snapshot", store.SnapshotNote);
    }

    [Fact]
    public async Task An_import_through_a_write_only_store_ends_by_saving_the_snapshot()
    {
        await using (var writer = Open(buildIndex: false))
        {
            await WriteVariedGraphAsync(writer, seed: 7);
            Assert.True(await writer.WriteSnapshotAsync());
            Assert.False(await writer.WriteSnapshotAsync());
        }
        await using var reader = Open();
        Assert.StartsWith("read from the snapshot", reader.IndexSource);
        AssertSameIndex(BuildFromFile(_path.File), IndexSnapshot.TryRead(SnapshotPath, StampOfFile(_path.File), 0, out _)!);
    }

    [Fact]
    public async Task With_snapshots_turned_off_none_is_read_or_written()
    {
        await using (var store = Open(snapshot: false))
        {
            await store.WriteAsync(ContractGraph.Batch());
            Assert.False(await store.WriteSnapshotAsync());
        }
        Assert.False(File.Exists(SnapshotPath));
    }
}
