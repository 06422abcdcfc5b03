using FilmGraph.Core;
using GraphQL;
using GraphQL.Execution;

namespace FilmGraph.Api.GraphQL;

/// <summary>
/// How failures inside a query reach the caller. A <see cref="GraphQueryException"/> becomes an error with its code
/// (NOT_FOUND, AMBIGUOUS, BAD_USER_INPUT) and the argument at fault, a
/// <see cref="GraphStoreException"/> STORE_UNAVAILABLE; anything else is logged and
/// reported as INTERNAL_SERVER_ERROR without exception types, messages or stack traces.
/// </summary>
internal static class GraphQLErrors
{
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    public static Task Translate(UnhandledExceptionContext context)
    {
        switch (context.OriginalException)
        {
            case GraphQueryException query:
                context.Exception = new QueryError(query);
                break;
            case GraphStoreException store:
                Log(context)?.LogWarning("Store unavailable at {Path}: {Message}", Where(context), store.Message);
                context.Exception = new ExecutionError(store.Message) { Code = store.Code };
                break;
            case OperationCanceledException:
                break;
            default:
                Log(context)?.LogError(context.OriginalException, "Query failed at {Path}", Where(context));
                context.Exception = new ExecutionError("Internal error; the server log has the details.") { Code = InternalError };
                break;
        }
        return Task.CompletedTask;
    }

    private static ILogger? Log(UnhandledExceptionContext context) =>
        context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("FilmGraph.Api.GraphQL");

    /// <summary>The field that failed, or "(document)" when the failure came before any field ran.</summary>
    private static string Where(UnhandledExceptionContext context) =>
        context.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)";
}
