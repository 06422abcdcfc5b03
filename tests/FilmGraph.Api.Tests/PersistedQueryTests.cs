using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FilmGraph.Api.Tests;

/// <summary>Automatic persisted queries, the trusted-documents mode, and ETags on GET answers.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersistedQueryTests(ApiServer server)
{
    private const string Query = "{ stats { people films } }";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Extensions(string hash) => JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } });

    private static string Get(string? query, string hash) =>
        "/graphql?" + (query is null ? "" : $"query={Uri.EscapeDataString(query)}&") + $"extensions={Uri.EscapeDataString(Extensions(hash))}";

    [Fact]
    public async Task A_hash_is_unknown_until_its_query_was_sent_with_it_once()
    {
        var hash = Hash(Query + " ");
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await server.Client.SendAsync(HttpMethod.Get, Get(null, hash))).Code);

        var registered = await server.Client.SendAsync(HttpMethod.Get, Get(Query + " ", hash));
        Assert.True(registered.Json["errors"] is null, registered.Body);

        var hit = await server.Client.SendAsync(HttpMethod.Get, Get(null, hash));
        JsonAssert.Equal(registered.Json["data"]!.ToJsonString(), hit.Json["data"]);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused()
    {
        var answer = await server.Client.SendAsync(HttpMethod.Get, Get(Query, Hash("{ stats { people } }")));
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", answer.Code);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await server.Client.SendAsync(HttpMethod.Get, Get(null, Hash("{ stats { people } }")))).Code);
    }

    [Fact]
    public async Task In_trusted_mode_only_the_listed_documents_run()
    {
        var folder = Directory.CreateTempSubdirectory("filmgraph-trusted-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "stats.graphql"), Query);
            await using var api = await server.StartApiAsync(new Dictionary<string, string?>
            {
                ["FilmGraph:PersistedQueries:TrustedDocuments"] = folder,
                ["FilmGraph:PersistedQueries:TrustedOnly"] = "true",
            });
            Assert.True((await api.Client.SendAsync(HttpMethod.Get, Get(null, Hash(Query)))).Json["errors"] is null);
            Assert.True((await api.Client.PostAsync(Query)).Json["errors"] is null);
            Assert.Equal("DOCUMENT_NOT_TRUSTED", (await api.Client.PostAsync("{ stats { people } }")).Code);
            Assert.Equal("DOCUMENT_NOT_TRUSTED", (await api.Client.SendAsync(HttpMethod.Get, Get(null, Hash("{ x }")))).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_get_answer_is_304_while_nothing_changed_and_gets_a_new_tag_after_a_write()
    {
        const string Key = "etag-test-key";
        await using var api = await server.StartApiAsync(new Dictionary<string, string?> { ["FilmGraph:Auth:ApiKeys:0"] = Key });
        var path = "/graphql?query=" + Uri.EscapeDataString("{ stats { people } graphVersion }");

        var first = await api.Client.SendAsync(HttpMethod.Get, path);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Contains("must-revalidate", first.Headers.CacheControl?.ToString());

        using (var again = new HttpRequestMessage(HttpMethod.Get, path))
        {
            again.Headers.IfNoneMatch.Add(tag);
            Assert.Equal(304, (await api.Client.SendAsync(again)).Status);
        }

        using (var write = StartedApi.Post("""mutation { upsertPerson(person: { id: "new-one", name: "New One" }) { created } }"""))
        {
            write.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            Assert.True((await api.Client.SendAsync(write)).Json["errors"] is null);
        }

        using var after = new HttpRequestMessage(HttpMethod.Get, path);
        after.Headers.IfNoneMatch.Add(tag);
        var changed = await api.Client.SendAsync(after);
        Assert.Equal(200, changed.Status);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.NotEqual((string?)first.Json["data"]!["graphVersion"], (string?)changed.Json["data"]!["graphVersion"]);
    }
}
