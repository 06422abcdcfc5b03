using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class NodeKindEnum : EnumerationGraphType
{
    public NodeKindEnum()
    {
        Name = "NodeKind";
        Description = "Whether a node is a person or a film.";
        Add("PERSON", NodeKind.Person, "A person.");
        Add("FILM", NodeKind.Film, "A film.");
    }
}
