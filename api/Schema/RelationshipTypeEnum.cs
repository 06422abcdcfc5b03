using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class RelationshipTypeEnum : EnumerationGraphType
{
    public RelationshipTypeEnum()
    {
        Name = "RelationshipType";
        Description = "How a person relates to a film (every type but CONFLICTED_WITH) or to another person (CONFLICTED_WITH).";
        Add(RelationshipType.CastIn.Name(), RelationshipType.CastIn, "Acted in the film; has a role (the character).");
        Add(RelationshipType.DroppedFrom.Name(), RelationshipType.DroppedFrom, "Was attached to the film, in a role, and left or was let go; has a reason.");
        Add(RelationshipType.ConflictedWith.Name(), RelationshipType.ConflictedWith, "Had a conflict with another person, on a film (context).");
        Add(RelationshipType.Directed.Name(), RelationshipType.Directed, "Directed the film.");
        Add(RelationshipType.Wrote.Name(), RelationshipType.Wrote, "Wrote the film.");
        Add(RelationshipType.Composed.Name(), RelationshipType.Composed, "Composed music for the film.");
        Add(RelationshipType.Produced.Name(), RelationshipType.Produced, "Produced the film.");
    }
}
