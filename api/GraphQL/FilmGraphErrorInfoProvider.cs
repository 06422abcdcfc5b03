using FilmGraph.Api.Protection;
using GraphQL;
using GraphQL.Execution;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// Adds <c>extensions.argument</c> and a limit's figures (<c>extensions.limit</c>, <c>extensions.cost</c>, ...); leaves
/// out the <c>codes</c> list, which repeats <c>code</c> here. A message is cut to <see cref="MaxMessageLength"/>, so that
/// no error can quote a caller's input back at length, whoever wrote the message.
/// </summary>
internal sealed class FilmGraphErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false })
{
    public const int MaxMessageLength = 1000;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (info.Message.Length > MaxMessageLength)
            info.Message = $"{info.Message[..MaxMessageLength]}... (cut from {info.Message.Length} characters)";
        switch (executionError)
        {
            case QueryError { Argument: { } argument }:
                info.Extensions ??= new Dictionary<string, object?>();
                info.Extensions["argument"] = argument;
                break;
            case LimitError limit:
                info.Extensions ??= new Dictionary<string, object?>();
                foreach (var (name, value) in limit.Details) info.Extensions[name] = value;
                break;
        }
        return info;
    }
}
