using FilmGraph.Contract;
using FilmGraph.Core;
using FilmGraph.Stores;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The store file changed under the running API: deleted, then replaced by another import. Readiness and answers
/// must follow what is at the path, never what the API remembers of a file that is gone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StoreFaultTests(ApiServer server) : IDisposable
{
    private readonly TempStorePath _path = new();

    public void Dispose() => _path.Dispose();

    private static async Task Until(Func<Task<bool>> seen)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await seen()) await Task.Delay(25, timeout.Token);
    }

    [Fact]
    public async Task A_deleted_store_file_is_unready_and_unavailable_until_a_new_import_takes_its_place()
    {
        await using var app = await server.StartAsync(new Dictionary<string, string?>
        {
            ["FilmGraph:Embedded:Path"] = _path.File,
            ["FilmGraph:Embedded:ExternalChangePoll"] = "00:00:00.050",
            ["FilmGraph:Seed:Path"] = Path.Combine(ApiServer.RepositoryRoot, "data", "la-la-land.json"),
        });
        using var http = new HttpClient { BaseAddress = new Uri(ApiServer.Address(app)) };
        var client = new GraphQLClient(http);
        await client.DataAsync("""{ person(id: "emma-stone") { name } }""");

        foreach (var file in new[] { _path.File, _path.File + "-wal", _path.File + "-shm" }) File.Delete(file);
        await Until(async () => (await client.SendAsync(HttpMethod.Get, "/readyz")).Status == 503);
        var ready = await client.SendAsync(HttpMethod.Get, "/readyz");
        Assert.Contains("was deleted", ready.Body);
        Assert.Contains(_path.File, ready.Body);
        var answer = await client.PostAsync("""{ person(id: "emma-stone") { name } }""");
        Assert.Equal("STORE_UNAVAILABLE", answer.Code);

        // Another import, written beside the file and moved into place, as an operator would replace a store.
        var other = Path.Combine(_path.Directory, "other.db");
        await using (var store = await GraphStores.OpenAsync(new StoreSettings { Embedded = { Path = other, ExternalChangePoll = TimeSpan.Zero } }, CancellationToken.None))
            await store.WriteAsync(GraphBatch.Of(people: [new Person("zoe", "Zoe Zed")]));
        File.Move(other, _path.File);
        await Until(async () => (await client.SendAsync(HttpMethod.Get, "/readyz")).Status == 200);

        Assert.Equal("Zoe Zed", (string?)(await client.DataAsync("""{ person(id: "zoe") { name } }"""))["person"]!["name"]);
        Assert.Equal("NOT_FOUND", (await client.PostAsync("""{ person(id: "emma-stone") { name } }""")).Code);
    }
}
