using GraphQL;
using GraphQL.Execution;

namespace FilmGraph.Api.GraphQL;

/// <summary>Adds <c>extensions.argument</c>; leaves out the <c>codes</c> list, which repeats <c>code</c> here.</summary>
internal sealed class FilmGraphErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is QueryError { Argument: { } argument })
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["argument"] = argument;
        }
        return info;
    }
}
