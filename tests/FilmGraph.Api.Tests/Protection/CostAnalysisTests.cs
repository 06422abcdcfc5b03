using FilmGraph.Api.Protection;
using FilmGraph.Api.Schema;
using GraphQL;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>The cost model on whole documents: ordinary questions pass, ones that multiply without bound do not.</summary>
[Collection(ApiCollection.Name)]
public sealed class CostAnalysisTests(ApiServer server)
{
    private long Cost(string query, Inputs? variables = null)
    {
        var schema = server.Services.GetRequiredService<FilmGraphSchema>();
        schema.Initialize();
        return CostAnalysis.Of(schema, Parser.Parse(query), null, variables);
    }

    [Fact]
    public void Lists_multiply_what_they_hold_by_their_size()
    {
        // 1 for the person, 20 credits (the estimate) each 1 + 1 for its film.
        Assert.Equal(1 + 20 * 2, Cost("""{ person(id: "a") { name credits { role film { title } } } }"""));
        // coStars(first: 7): 5 for the walk, 7 items each 1 + 1 for the person.
        Assert.Equal(1 + 5 + 7 * 2, Cost("""{ person(id: "a") { coStars(first: 7) { person { name } } } }"""));
        Assert.Equal(1 + 5 + 3 * 2, Cost("""query($n: Int) { person(id: "a") { coStars(first: $n) { person { name } } } }""",
            new Inputs(new Dictionary<string, object?> { ["n"] = 3 })));
    }

    [Fact]
    public void A_list_inside_a_traversal_is_sized_by_the_traversal()
    {
        // neighbourhood: 10 per level of depth and 1 per node the walk may visit, then nodes by its limit and edges by twice it.
        Assert.Equal(10 * 2 + 300 + 1 + 300 + 600, Cost("{ neighbourhood(id: \"a\", depth: 2, limit: 300) { nodes { id } edges { from } } }"));
    }

    [Fact]
    public void Fragments_are_priced_as_if_written_out()
    {
        var inline = Cost("""{ person(id: "a") { credits { film { title } } } }""");
        var spread = Cost("""{ person(id: "a") { ...F } } fragment F on Person { credits { film { title } } }""");
        Assert.Equal(inline, spread);
    }

    [Fact]
    public void Nesting_credits_is_refused_and_an_explorer_query_is_not()
    {
        var limits = new RequestLimits();
        var nested = Cost("""{ person(id: "a") { credits { film { credits { person { credits { film { credits { person { name } } } } } } } } } }""");
        Assert.NotNull(CostAnalysis.Refusal(nested, limits));
        var explorer = Cost("""
            { person(id: "a") { name born credits { type role film { id title year } } coStars(first: 20) { person { id name } sharedFilms { title } } }
              coStarChain(from: "a", to: "b") { length links { film { title } to { name } fromRole toRole } } }
            """);
        Assert.Null(CostAnalysis.Refusal(explorer, limits));
    }

    [Fact]
    public void Negative_sizes_cannot_lower_the_price_of_the_rest()
    {
        var alone = Cost("""{ person(id: "a") { credits { film { title } } } }""");
        var withNegative = Cost("""{ a: person(id: "a") { credits { film { title } } } b: search(text: "x", first: -100000) { id } }""");
        Assert.True(withNegative >= alone);
    }
}
