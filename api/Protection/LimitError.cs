using GraphQL;
using GraphQLParser;

namespace FilmGraph.Api.Protection;

/// <summary>A refusal by a limit: its code, and figures (the limit, what was asked) that go into <c>extensions</c>.</summary>
public sealed class LimitError : ExecutionError
{
    public LimitError(string code, string message, params (string Name, object Value)[] details) : base(message)
    {
        Code = code;
        Details = details.ToDictionary(d => d.Name, d => d.Value);
    }

    public IReadOnlyDictionary<string, object> Details { get; }

    /// <summary>The same error pointing at a place in the query text.</summary>
    public LimitError At(int line, int column)
    {
        AddLocation(new Location(line, column));
        return this;
    }
}
