using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class CentresStateEnum : EnumerationGraphType
{
    public CentresStateEnum()
    {
        Name = "CentresState";
        Description = "How the centres served relate to the graph as it is now.";
        Add("MISSING", CentresState.Missing, "None computed yet for this graph and none being computed.");
        Add("COMPUTING", CentresState.Computing, "Being computed; the previous centres, if any, are served meanwhile.");
        Add("CURRENT", CentresState.Current, "Computed for the graph as it is now.");
        Add("STALE", CentresState.Stale, "The graph changed since they were computed; they are served until the new ones are ready.");
    }
}
