using System.Text;
using FilmGraph.Api.Auth;
using FilmGraph.Api.GraphQL;
using FilmGraph.Core;
using FilmGraph.Formats;
using GraphQL;

namespace FilmGraph.Api.Schema;

/// <summary>
/// How a mutation reaches the store and reports back: problems become one error each, naming the input field at
/// fault, and every write that is applied leaves an audit line (the key's id, never the key; the operation; counts).
/// </summary>
internal static class Writes
{
    /// <summary>Where the HTTP handler leaves the <see cref="Caller"/> in <c>UserContext</c>.</summary>
    public const string CallerKey = "FilmGraph.Caller";

    public static async Task<WriteResult?> BatchAsync(IResolveFieldContext ctx, string argument, GraphBatch batch, Func<WriteSummary, Counts> pick)
    {
        try
        {
            var summary = await ctx.WritableStore().WriteAsync(batch, ctx.CancellationToken);
            return Audited(ctx, WriteResult.Of(pick(summary)));
        }
        catch (GraphWriteException e)
        {
            foreach (var problem in e.Problems)
            {
                var field = problem.Field is null ? argument : $"{argument}.{problem.Field}";
                ctx.Errors.Add(WriteProblemError.At(ctx, $"{field}: {problem.Message}", ("argument", field)));
            }
            return null;
        }
    }

    public static async Task<WriteResult?> UnlinkAsync(IResolveFieldContext ctx, RelationshipType type, string from, string to)
    {
        var removed = await ctx.WritableStore().UnlinkAsync(type, from, to, ctx.CancellationToken);
        return Audited(ctx, removed ? new WriteResult(0, 0, 0, 1) : new WriteResult(0, 0, 1, 0));
    }

    public static async Task<WriteResult?> ImportAsync(IResolveFieldContext ctx, string document)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(document));
        var report = await GraphImport.ImportDocumentAsync(json, "document", ctx.WritableStore(), new ImportOptions(), ctx.CancellationToken);
        if (report.Errors.Count == 0) return Audited(ctx, WriteResult.Of(report.Summary));
        foreach (var error in report.Errors)
        {
            var place = error.Path.Length == 0 ? $"line {error.Line}" : $"line {error.Line}, {error.Path}";
            ctx.Errors.Add(WriteProblemError.At(ctx, $"{place}: {error.Message}", ("argument", "document"), ("line", error.Line), ("jsonPath", error.Path)));
        }
        return null;
    }

    private static WriteResult Audited(IResolveFieldContext ctx, WriteResult result)
    {
        var caller = ctx.UserContext.TryGetValue(CallerKey, out var value) ? value as Caller : null;
        ctx.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("FilmGraph.Api.Audit").LogInformation(
            "Write by key {KeyId}: {Operation} created {Created}, updated {Updated}, unchanged {Unchanged}, deleted {Deleted}",
            caller?.KeyId ?? "(none)", ctx.FieldDefinition.Name, result.Created, result.Updated, result.Unchanged, result.Deleted);
        return result;
    }
}
