using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The bulk path's write-ahead log: folded into the file while the import writes, and started over, so that it stays small.</summary>
public sealed class BulkLogTests : IDisposable
{
    private readonly TempStorePath _path = new();

    public void Dispose() => _path.Dispose();

    [Fact]
    public async Task A_bulk_import_folds_its_log_into_the_file_as_it_goes_and_the_log_stays_far_smaller_than_what_it_wrote()
    {
        const int batches = 24, perBatch = 700;
        // Each relationship carries about 6 KB of text: unfolded, the log would grow by 8 MB a batch, to 190 MB.
        var text = new string('x', 1990);
        var log = _path.File + "-wal";
        await using (var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero }))
        {
            await store.BeginImportAsync(batches * perBatch * 2, bulk: true);
            await store.WriteAsync(GraphBatch.Of(films: [.. Enumerable.Range(0, 100).Select(f => new Film($"f{f}", $"Film {f}", 2000))]));
            for (var b = 0; b < batches; b++)
            {
                var people = Enumerable.Range(0, perBatch).Select(i => new Person($"p{b}_{i}", $"Person {b} {i}")).ToList();
                var roles = people.Select((p, i) => new Relationship(RelationshipType.CastIn, p.Id, $"f{i % 100}",
                    new RelationshipProperties(Role: $"{i}{text}", Source: new Source(text, text)))).ToList();
                await store.WriteAsync(GraphBatch.Of(people: people, relationships: roles));
            }
            var written = (long)batches * perBatch * 3 * text.Length;

            // The folds run on their own thread: the last ones may still be under way.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (new FileInfo(_path.File).Length < written / 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.True(new FileInfo(_path.File).Length >= written / 2,
                $"the file holds {new FileInfo(_path.File).Length:N0} bytes of the {written:N0} the import wrote before it ended");
            // The log file is never cut while the import runs, so its length is the most it held at once: 40 MB here.
            Assert.True(new FileInfo(log).Length < written, $"the log grew to {new FileInfo(log).Length:N0} bytes for {written:N0} written");

            await store.EndImportAsync();
        }

        await using var reopened = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { Path = _path.File, ExternalChangePoll = TimeSpan.Zero });
        Assert.Equal(new GraphStats(batches * perBatch, 100, batches * perBatch), await reopened.StatsAsync());
        var credit = Assert.Single(await reopened.PersonCreditsAsync($"p{batches - 1}_{perBatch - 1}", null));
        Assert.Equal($"{perBatch - 1}{text}", credit.Properties.Role);
    }
}
