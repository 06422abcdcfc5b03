using FilmGraph.Api.Protection;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// Adds <c>extensions.argument</c> and the figures of a limit or a write problem (<c>extensions.limit</c>,
/// <c>extensions.cost</c>, <c>extensions.line</c>, ...); leaves out the <c>codes</c> list, which repeats <c>code</c> here;
/// drops the "Did you mean ...?" of validation errors when <see cref="GraphQLSettings.Suggestions"/> is off. A message
/// is cut to <see cref="MaxMessageLength"/>, so that no error can quote a caller's input back at length, whoever wrote it.
/// </summary>
internal sealed class FilmGraphErrorInfoProvider(IOptions<GraphQLSettings> settings)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false })
{
    public const int MaxMessageLength = 1000;

    private const string Suggestion = " Did you mean ";

    private readonly bool _suggestions = settings.Value.Suggestions;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (info.Message.Length > MaxMessageLength)
            info.Message = $"{info.Message[..MaxMessageLength]}... (cut from {info.Message.Length} characters)";
        var details = executionError switch
        {
            QueryError { Argument: { } argument } => new Dictionary<string, object> { ["argument"] = argument },
            LimitError limit => limit.Details,
            WriteProblemError problem => problem.Details,
            _ => null,
        };
        if (details is not null)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            foreach (var (name, value) in details) info.Extensions[name] = value;
        }
        // GraphQL.NET 8 has no switch for them; FieldsOnCorrectTypeError appends them to a message that names only
        // GraphQL names (letters, digits, _), so the first " Did you mean " is where they start.
        if (!_suggestions && executionError is ValidationError && info.Message.IndexOf(Suggestion, StringComparison.Ordinal) is >= 0 and var at)
            info.Message = info.Message[..at];
        return info;
    }
}
