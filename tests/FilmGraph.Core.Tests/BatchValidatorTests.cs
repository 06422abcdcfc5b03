using FilmGraph.Core;

namespace FilmGraph.Core.Tests;

public sealed class BatchValidatorTests
{
    private static readonly Func<string, NodeKind?> EmptyStore = _ => null;

    private static IReadOnlyList<WriteProblem> Check(GraphBatch batch, Func<string, NodeKind?>? stored = null) =>
        BatchValidator.Validate(batch, stored ?? EmptyStore);

    /// <summary>
    /// A store that looked up the relationships' ends already hands their kinds over instead of being asked per id: the
    /// problems are the same, for ends stored, missing, of the wrong kind, and given in the batch itself.
    /// </summary>
    [Fact]
    public void Ends_looked_up_by_the_store_give_the_same_problems_as_asking_per_id()
    {
        var stored = new Dictionary<string, NodeKind> { ["sp"] = NodeKind.Person, ["sf"] = NodeKind.Film };
        NodeKind? Stored(string id) => stored.TryGetValue(id, out var kind) ? kind : null;
        var batch = GraphBatch.Of(
            people: [new Person("bp", "B"), new Person("sf", "Clash")],
            films: [new Film("bf", "F")],
            relationships:
            [
                new Relationship(RelationshipType.CastIn, "sp", "sf"),
                new Relationship(RelationshipType.CastIn, "bp", "bf"),
                new Relationship(RelationshipType.CastIn, "sf", "sp"),
                new Relationship(RelationshipType.CastIn, "nobody", "nowhere"),
                new Relationship(RelationshipType.ConflictedWith, "sp", "bp"),
                new Relationship(RelationshipType.ConflictedWith, "sp", "sp"),
                new Relationship(RelationshipType.CastIn, "", "sf"),
            ]);

        var asked = BatchValidator.Validate(batch, Stored);
        var given = BatchValidator.Validate(batch, Stored, i => (Stored(batch.Relationships[i].From), Stored(batch.Relationships[i].To)));

        Assert.True(asked.Count >= 5, string.Join("\n", asked));
        Assert.Equal(asked, given);
    }

    /// <summary>
    /// A store that numbers its nodes tells relationships apart by their stored ends: the same records again pass, the
    /// same ends and type with other data are refused, another type between the same two is another relationship, and
    /// an end given in the batch itself falls back to the ids. The problems are the same as by ids alone.
    /// </summary>
    [Fact]
    public void Relationships_told_apart_by_their_stored_ends_give_the_same_problems_as_by_their_ids()
    {
        var numbers = new Dictionary<string, int> { ["p1"] = 0, ["p2"] = 1, ["f1"] = 2, ["f2"] = 3 };
        NodeKind? Stored(string id) => numbers.ContainsKey(id) ? (id[0] == 'p' ? NodeKind.Person : NodeKind.Film) : null;
        RelationshipProperties Role(string role) => new(Role: role);
        var batch = GraphBatch.Of(
            people: [new Person("bp", "B")],
            relationships:
            [
                new Relationship(RelationshipType.CastIn, "p1", "f1", Role("A")),
                new Relationship(RelationshipType.CastIn, "p1", "f1", Role("A")),
                new Relationship(RelationshipType.CastIn, "p1", "f1", Role("B")),
                new Relationship(RelationshipType.CastIn, "p2", "f1", Role("A")),
                new Relationship(RelationshipType.Directed, "p1", "f1"),
                new Relationship(RelationshipType.CastIn, "bp", "f1", Role("A")),
                new Relationship(RelationshipType.CastIn, "bp", "f1", Role("C")),
                new Relationship(RelationshipType.CastIn, "p2", "f2"),
                new Relationship(RelationshipType.CastIn, "p2", "f2", Role("X")),
            ]);
        long Pair(int i)
        {
            var r = batch.Relationships[i];
            return numbers.TryGetValue(r.From, out var from) && numbers.TryGetValue(r.To, out var to) ? ((long)to << 35) | ((long)r.Type << 31) | (long)from : -1;
        }

        var byIds = BatchValidator.Validate(batch, Stored);
        var byPairs = BatchValidator.Validate(batch, Stored, i => (Stored(batch.Relationships[i].From), Stored(batch.Relationships[i].To)), Pair);

        Assert.Equal([2, 6, 8], byIds.Select(p => p.Index));
        Assert.All(byIds, p => Assert.StartsWith("duplicate CAST_IN relationship", p.Message));
        Assert.Equal(byIds, byPairs);
    }

    /// <summary>
    /// The check keeps its dictionaries for the next batch on the same thread: nothing of one batch may carry into the
    /// next, neither its ids and their kinds nor its records, and a batch too large to keep them for is checked alike.
    /// </summary>
    [Fact]
    public void Each_batch_is_checked_on_its_own()
    {
        var first = GraphBatch.Of(
            people: [new Person("p", "P")],
            films: [new Film("f", "F")],
            relationships: [new Relationship(RelationshipType.CastIn, "p", "f", new RelationshipProperties(Role: "A"))]);
        Assert.Empty(Check(first));

        // The same ids with other data, and "p" now a film: fine in a batch of its own, as long as the store holds none.
        var second = GraphBatch.Of(
            people: [new Person("q", "Q")],
            films: [new Film("p", "Other"), new Film("f", "F", 2001)],
            relationships: [new Relationship(RelationshipType.CastIn, "q", "p", new RelationshipProperties(Role: "B"))]);
        Assert.Empty(Check(second));
        // Had the second batch's kinds stayed, "p" would be a film here and the first batch's credit refused.
        Assert.Empty(Check(first));

        var many = GraphBatch.Of(people: [.. Enumerable.Range(0, 100_001).Select(i => new Person($"p{i}", "P")), new Person("p7", "Other")]);
        Assert.Equal("people[100001]", Assert.Single(Check(many)).Place);
        Assert.Empty(Check(first));
    }

    [Fact]
    public void A_consistent_batch_has_no_problems() =>
        Assert.Empty(Check(GraphBatch.Of(
            people: [new Person("p", "P"), new Person("p", "P")],
            films: [new Film("f", "F", 2000)],
            relationships: [new Relationship(RelationshipType.CastIn, "p", "f")])));

    [Fact]
    public void Every_problem_is_reported_with_its_place()
    {
        var problems = Check(GraphBatch.Of(
            people: [new Person("", "Nameless"), new Person("p", "P"), new Person("p", "Other P", 1900), new Person("q", " ")],
            films: [new Film("f", "F", 1200), new Film("p", "Clash")],
            relationships:
            [
                new Relationship(RelationshipType.CastIn, "p", "nowhere"),
                new Relationship(RelationshipType.ConflictedWith, "p", "f"),
                new Relationship(RelationshipType.ConflictedWith, "q", "q"),
                new Relationship(RelationshipType.CastIn, "f", "f"),
            ]));
        var byPlace = problems.ToDictionary(p => p.Place, p => p.Message);
        Assert.Equal("missing id.", byPlace["people[0].id"]);
        Assert.Contains("duplicate person 'p'", byPlace["people[2]"]);
        Assert.Equal("value is blank.", byPlace["people[3].name"]);
        Assert.Contains("1200", byPlace["films[0].year"]);
        Assert.Contains("already used by a person", byPlace["films[1].id"]);
        Assert.Contains("'nowhere' is no film", byPlace["relationships[0].to"]);
        Assert.Contains("needs a person here, but 'f' is a film", byPlace["relationships[1].to"]);
        Assert.Contains("conflict with themself", byPlace["relationships[2]"]);
        Assert.Contains("needs a person here", byPlace["relationships[3].from"]);
        Assert.Equal(9, problems.Count);
    }

    [Fact]
    public void Endpoints_may_be_already_stored()
    {
        var stored = new Dictionary<string, NodeKind> { ["old-person"] = NodeKind.Person, ["old-film"] = NodeKind.Film };
        Assert.Empty(Check(GraphBatch.Of(relationships: [new Relationship(RelationshipType.Directed, "old-person", "old-film")]),
            id => stored.TryGetValue(id, out var k) ? k : null));
    }

    [Fact]
    public void Oversized_text_is_refused_without_echoing_it()
    {
        var huge = new string('x', BatchValidator.MaxTextLength + 1);
        var problem = Assert.Single(Check(GraphBatch.Of(people: [new Person("p", huge)])));
        Assert.Equal("people[0].name", problem.Place);
        Assert.DoesNotContain(huge, problem.Message);
    }

    [Fact]
    public void A_problem_names_its_list_index_and_field_apart()
    {
        var problem = Assert.Single(Check(GraphBatch.Of(
            people: [new Person("p", "P")],
            films: [new Film("f", "F")],
            relationships: [new Relationship(RelationshipType.CastIn, "p", "f", new RelationshipProperties(Source: new Source("")))])));

        Assert.Equal(("relationships", 0, "source.document"), (problem.List, problem.Index, problem.Field));
        Assert.Equal("relationships[0].source.document: missing value.", problem.ToString());
    }

    [Fact]
    public void A_problem_about_no_record_shows_its_message_alone()
    {
        var problem = new WriteProblem(null, null, null, "the store is read-only.");

        Assert.Equal("", problem.Place);
        Assert.Equal("the store is read-only.", problem.ToString());
    }
}
