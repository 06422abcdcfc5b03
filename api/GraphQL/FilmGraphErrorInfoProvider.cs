using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// Adds <c>extensions.argument</c>; leaves out the <c>codes</c> list, which repeats <c>code</c> here; drops the
/// "Did you mean ...?" of validation errors when <see cref="GraphQLSettings.Suggestions"/> is off.
/// </summary>
internal sealed class FilmGraphErrorInfoProvider(IOptions<GraphQLSettings> settings)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false })
{
    private const string Suggestion = " Did you mean ";

    private readonly bool _suggestions = settings.Value.Suggestions;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is QueryError { Argument: { } argument })
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["argument"] = argument;
        }
        // GraphQL.NET 8 has no switch for them; FieldsOnCorrectTypeError appends them to a message that names only
        // GraphQL names (letters, digits, _), so the first " Did you mean " is where they start.
        if (!_suggestions && executionError is ValidationError && info.Message.IndexOf(Suggestion, StringComparison.Ordinal) is >= 0 and var at)
            info.Message = info.Message[..at];
        return info;
    }
}
