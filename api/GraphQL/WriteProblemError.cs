using GraphQL;

namespace FilmGraph.Api.GraphQL;

/// <summary>One problem with data offered for writing (BAD_USER_INPUT), with where it is in the input.</summary>
internal sealed class WriteProblemError : ExecutionError
{
    private WriteProblemError(string message, IReadOnlyDictionary<string, object> details) : base(message)
    {
        Code = "BAD_USER_INPUT";
        Details = details;
    }

    public IReadOnlyDictionary<string, object> Details { get; }

    /// <summary>The error at the field being resolved, with its path and location.</summary>
    public static WriteProblemError At(IResolveFieldContext ctx, string message, params (string Name, object Value)[] details)
    {
        var error = new WriteProblemError(message, details.ToDictionary(d => d.Name, d => d.Value)) { Path = ctx.Path };
        error.AddLocation(ctx.FieldAst, ctx.Document);
        return error;
    }
}
