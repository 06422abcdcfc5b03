using FilmGraph.Core;
using GraphQL;

namespace FilmGraph.Api.GraphQL;

/// <summary>A <see cref="GraphQueryException"/> as a GraphQL error: its code, and the argument at fault when known.</summary>
internal sealed class QueryError : ExecutionError
{
    public QueryError(GraphQueryException e) : base(e.Message)
    {
        Code = e.Code;
        Argument = e.Argument;
    }

    public string? Argument { get; }
}
