using FilmGraph.Core;

namespace FilmGraph.Contract;

/// <summary>
/// A small graph built to exercise every traversal rule. Two shortest chains join Ada and Dora (through f1 and
/// through f3); Hugo reaches Iris only through a film he directed; Will was dropped from f1 as the Hero that Ben
/// then played; Ada conflicted with Cleo on f3; Xavier is in no film; Gus's only film has no year.
/// </summary>
public static class ContractGraph
{
    public static readonly Source Notes = new("contract-notes", "as stated for the test");

    public static GraphBatch Batch() => GraphBatch.Of(
        people:
        [
            new Person("ada", "Ada Lovelace", 1815),
            new Person("ben", "Ben Ångström", 1950, ["Benny A"]),
            new Person("cleo", "Cleo Martin"),
            new Person("dora", "Dora Martin"),
            new Person("eve", "Eve Adams"),
            new Person("gus", "Gus Grant"),
            new Person("hugo", "Hugo Hale"),
            new Person("iris", "Iris Ito"),
            new Person("will", "Will Ward"),
            new Person("xavier", "Xavier Xu"),
        ],
        films:
        [
            new Film("f1", "First Light", 1990),
            new Film("f2", "Second Wind", 1995),
            new Film("f3", "Third Rail", 2000),
            new Film("f4", "Fourth Wall", 2005),
            new Film("f5", "Fifth Element", 2010),
            new Film("f6", "Sixth Sense"),
            new Film("f7", "Seventh Seal", 2015),
        ],
        relationships:
        [
            Cast("ada", "f1", "Ada in First"), Cast("ben", "f1", "Hero"),
            Cast("ben", "f2"), Cast("dora", "f2"),
            Cast("ada", "f3", "Ada in Third"), Cast("cleo", "f3"),
            Cast("cleo", "f4"), Cast("dora", "f4"),
            Cast("dora", "f5"), Cast("eve", "f5"),
            Cast("eve", "f6"), Cast("gus", "f6"),
            Cast("iris", "f7", "Iris in Seventh"),
            new Relationship(RelationshipType.Directed, "hugo", "f7", new RelationshipProperties(Source: Notes)),
            new Relationship(RelationshipType.DroppedFrom, "will", "f1", new RelationshipProperties(Role: "hero", Reason: "schedule", Source: Notes)),
            new Relationship(RelationshipType.ConflictedWith, "ada", "cleo", new RelationshipProperties(Context: "f3", Description: "a quarrel", Source: Notes)),
        ]);

    private static Relationship Cast(string person, string film, string? role = null) =>
        new(RelationshipType.CastIn, person, film, new RelationshipProperties(Role: role, Source: Notes));
}
