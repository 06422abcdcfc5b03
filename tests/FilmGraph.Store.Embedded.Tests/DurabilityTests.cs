using FilmGraph.Contract;
using FilmGraph.Core;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Store.Embedded.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly TempStorePath _path = new();

    private EmbeddedGraphStore Open(bool buildIndex = true, TimeSpan? poll = null) =>
        EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File, BuildIndex = buildIndex, ExternalChangePoll = poll ?? TimeSpan.Zero });

    private static ChainQuery Q(string from, string to) => new() { From = from, To = to };

    public void Dispose() => _path.Dispose();

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_store()
    {
        await using (var store = Open())
        {
            await store.WriteAsync(ContractGraph.Batch());
            await store.WriteAsync(GraphBatch.Of(people: [new Person("late", "Late Comer")],
                relationships: [new Relationship(RelationshipType.CastIn, "late", "f5", new RelationshipProperties(Role: "Cameo"))]));
        }
        await using (var reopened = Open())
        {
            Assert.Equal(new GraphStats(11, 7, 17), await reopened.StatsAsync());
            Assert.Equal(2, await reopened.SeparationAsync(Q("late", "ben")));
            Assert.Equal("Cameo", (await reopened.PersonCreditsAsync("late", null))[0].Properties.Role);
            Assert.Equal("late", (await reopened.SearchAsync("late comer", 1))[0].Id);
            var again = await reopened.WriteAsync(ContractGraph.Batch());
            Assert.Equal(0, again.People.Created + again.Films.Created + again.Relationships.Created);
        }
    }

    [Fact]
    public async Task A_file_made_with_an_index_by_person_loses_it_and_answers_the_same()
    {
        // What a person's reads show, which the index by person used to serve and the adjacency now guides.
        static async Task<string> Shown(EmbeddedGraphStore store)
        {
            var credits = (await store.PersonCreditsAsync("ada", null)).Select(c => $"{c.Type} {c.Film.Id} {c.Properties.Role}");
            var conflicts = (await store.ConflictsAsync("ada")).Select(c => $"{c.Other.Id} {c.Outgoing} {c.Context?.Id} {c.Description}");
            return string.Join("; ", credits.Concat(conflicts));
        }

        string before;
        await using (var store = Open())
        {
            await store.WriteAsync(ContractGraph.Batch());
            before = await Shown(store);
        }
        Assert.Equal("CastIn f1 Ada in First; CastIn f3 Ada in Third; cleo True f3 a quarrel", before);
        using (var sqlite = new SqliteConnection($"Data Source={_path.File};Pooling=False"))
        {
            sqlite.Open();
            using var create = sqlite.CreateCommand();
            create.CommandText = "CREATE INDEX edges_by_src ON edges (src, type, dst)";
            create.ExecuteNonQuery();
        }
        await using (var reopened = Open()) Assert.Equal(before, await Shown(reopened));
        using var check = new SqliteConnection($"Data Source={_path.File};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'edges_by_src'";
        Assert.Equal(0L, (long)query.ExecuteScalar()!);
    }

    [Fact]
    public async Task A_write_only_store_counts_the_same_and_refuses_queries()
    {
        await using (var writer = Open(buildIndex: false))
        {
            var first = await writer.WriteAsync(ContractGraph.Batch());
            Assert.Equal(new Counts(16, 0, 0), first.Relationships);
            Assert.Equal(new Counts(0, 0, 16), (await writer.WriteAsync(ContractGraph.Batch())).Relationships);
            Assert.Equal(16, (await writer.StatsAsync()).Relationships);
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.SeparationAsync(Q("ada", "ben")));
        }
        await using var reader = Open();
        Assert.Equal(2, await reader.SeparationAsync(Q("ada", "dora")));
    }

    [Fact]
    public async Task Writes_landing_during_queries_neither_block_nor_break_them()
    {
        await using var store = Open();
        await store.WriteAsync(ContractGraph.Batch());
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(4);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var answered = 0;
            while (!stop.IsCancellationRequested)
            {
                // The original graph never changes shape below, so every answer must stay the same.
                Assert.Equal(2, await store.SeparationAsync(Q("ada", "dora")));
                Assert.Equal(2, (await store.ShortestChainsAsync(Q("ada", "dora"), 10)).Count);
                if (answered++ == 0) started.Signal();
            }
            return answered;
        })).ToArray();

        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the readers did not start");
        // Enough single writes to push the overlay past its limit and through a compaction.
        for (var i = 0; i < 300; i++)
        {
            await Task.Yield();
            var people = Enumerable.Range(0, 60).Select(j => new Person($"extra-{i}-{j}", $"Extra {i} {j}")).ToList();
            await store.WriteAsync(GraphBatch.Of(people: people, films: [new Film($"extra-film-{i}", $"Extra Film {i}", 2020)],
                relationships: people.Select(p => new Relationship(RelationshipType.CastIn, p.Id, $"extra-film-{i}"))));
        }
        stop.Cancel();
        var answers = await Task.WhenAll(readers);
        Assert.All(answers, a => Assert.True(a > 0));
        Assert.Equal(1, await store.SeparationAsync(Q("extra-299-0", "extra-299-59")));
        Assert.Null(await store.SeparationAsync(Q("extra-1-0", "extra-2-0")));
        Assert.Equal(16 + 300 * 60, (await store.StatsAsync()).Relationships);
    }

    [Fact]
    public async Task Commits_by_another_process_are_picked_up()
    {
        await using var api = Open(poll: TimeSpan.FromMilliseconds(50));
        await using (var importer = Open(buildIndex: false))
            await importer.WriteAsync(ContractGraph.Batch());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await api.GetPersonAsync("ada") is null && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(2, await api.SeparationAsync(Q("ada", "dora")));

        // A write through the first store also catches up before it applies.
        await using (var importer = Open(buildIndex: false))
            await importer.WriteAsync(GraphBatch.Of(people: [new Person("solo", "Solo")]));
        await api.WriteAsync(GraphBatch.Of(relationships: [new Relationship(RelationshipType.CastIn, "solo", "f1")]));
        Assert.Equal(1, await api.SeparationAsync(Q("solo", "ada")));
    }
}
