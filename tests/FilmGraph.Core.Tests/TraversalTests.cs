using FilmGraph.Core;

namespace FilmGraph.Core.Tests;

public sealed class TraversalTests
{
    private static Credit C(string person, RelationshipType type, string? role) =>
        new(new Person(person, person), new Film("f", "F"), type, new RelationshipProperties(Role: role));

    [Fact]
    public void Replacement_needs_a_drop_and_a_cast_in_the_same_role()
    {
        var found = Traversal.Replacements(
        [
            C("dropped", RelationshipType.DroppedFrom, " Mia "),
            C("cast", RelationshipType.CastIn, "mia"),
            C("other", RelationshipType.CastIn, "Keith"),
            C("roleless", RelationshipType.DroppedFrom, null),
            C("self", RelationshipType.DroppedFrom, "Seb"),
            C("self", RelationshipType.CastIn, "Seb"),
        ]).ToList();
        var r = Assert.Single(found);
        Assert.Equal(("dropped", "cast", "mia"), (r.Dropped.Id, r.Cast.Id, r.Role));
    }

    [Fact]
    public void Chains_order_by_film_then_person_ids()
    {
        static Chain Make(params string[] ids) => new(Enumerable.Range(0, ids.Length / 2).Select(i =>
            new ChainLink(new Person(i == 0 ? "start" : ids[2 * i - 1], "x"), new Film(ids[2 * i], "x"), new Person(ids[2 * i + 1], "x"),
                RelationshipType.CastIn, null, RelationshipType.CastIn, null)).ToList());
        var chains = new[] { Make("f2", "a", "f9", "z"), Make("f1", "b", "f9", "z"), Make("f1", "a", "f9", "z") };
        var ordered = chains.Order(Traversal.ChainOrder).Select(c => string.Join(",", c.Links.Select(l => l.Film.Id + l.To.Id))).ToArray();
        Assert.Equal(["f1a,f9z", "f1b,f9z", "f2a,f9z"], ordered);
    }

    [Fact]
    public void Chain_queries_check_their_arguments()
    {
        var ok = new ChainQuery { From = "a", To = "b" };
        Assert.Same(ok, ok.Validated());
        Assert.Equal("via", Assert.Throws<GraphQueryException>(() => (ok with { Via = [] }).Validated()).Argument);
        Assert.Equal("excludePeople", Assert.Throws<GraphQueryException>(() => (ok with { ExcludePeople = new HashSet<string> { "b" } }).Validated()).Argument);
        Assert.Equal("maxHops", Assert.Throws<GraphQueryException>(() => (ok with { MaxHops = -1 }).Validated()).Argument);
        Assert.True((ok with { FromYear = 2000 }).FilmYearAllowed(2000));
        Assert.False((ok with { FromYear = 2000 }).FilmYearAllowed(null));
        Assert.True(ok.FilmYearAllowed(null));
    }
}
