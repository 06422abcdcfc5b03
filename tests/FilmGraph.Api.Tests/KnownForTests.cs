using System.Collections.Concurrent;
using System.Diagnostics;

namespace FilmGraph.Api.Tests;

/// <summary>Person.knownFor: what tells namesakes apart in search hits, fetched for every hit in one store call.</summary>
[Collection(ApiCollection.Name)]
public sealed class KnownForTests(ApiServer server)
{
    [Fact]
    public async Task Search_hits_carry_known_for_films_from_one_store_call()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "FilmGraph",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var request = StartedApi.Post("""{ search(text: "emma") { id person { born knownFor(first: 2) { id title } } } }""");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        var answer = await server.Client.SendAsync(request);
        Assert.Equal(200, answer.Status);

        var hits = answer.Json["data"]!["search"]!.AsArray();
        Assert.Equal(["emma-stone", "emma-watson"], hits.Select(h => (string)h!["id"]!).ToArray());
        // Each Emma's films by cast size; the sample's La La Land has the most people cast, and Emma Watson was
        // dropped from it, which is not a credit she is known for.
        var films = hits.ToDictionary(h => (string)h!["id"]!, h => h!["person"]!["knownFor"]!.AsArray().Select(f => (string)f!["id"]!).ToArray());
        Assert.Equal(2, films["emma-stone"].Length);
        Assert.Equal("la-la-land-2016", films["emma-stone"][0]);
        Assert.DoesNotContain("la-la-land-2016", films["emma-watson"]);
        Assert.NotEmpty(films["emma-watson"]);

        Assert.Single(spans, s => s.TraceId.ToHexString() == traceId && s.OperationName == "store.KnownFor");
    }

    [Fact]
    public async Task Films_in_a_list_carry_their_best_known_people_from_one_store_call()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "FilmGraph",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var request = StartedApi.Post("""{ person(id: "ryan-gosling") { credits(types: [CAST_IN]) { film { id knownFor(first: 2) { id } } } } }""");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        var answer = await server.Client.SendAsync(request);
        Assert.Equal(200, answer.Status);

        var films = answer.Json["data"]!["person"]!["credits"]!.AsArray().Select(c => c!["film"]!).ToList();
        Assert.Equal(3, films.Count);
        // Ryan Gosling and Emma Stone are in all three, so each film is known first for the two of them.
        foreach (var film in films)
            Assert.Equal(["emma-stone", "ryan-gosling"], film["knownFor"]!.AsArray().Select(p => (string)p!["id"]!).Order(StringComparer.Ordinal).ToArray());
        Assert.Single(spans, s => s.TraceId.ToHexString() == traceId && s.OperationName == "store.KnownPeople");
    }

    [Fact]
    public async Task A_first_out_of_range_is_refused_naming_it()
    {
        var answer = await server.Client.PostAsync("""{ person(id: "emma-stone") { knownFor(first: 21) { id } } }""");
        Assert.Equal("BAD_USER_INPUT", (string)answer.Error["extensions"]!["code"]!);
        Assert.Contains("first", (string)answer.Error["message"]!);
    }
}
