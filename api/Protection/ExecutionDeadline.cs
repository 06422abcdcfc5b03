using System.Diagnostics;
using GraphQL.Types;

namespace FilmGraph.Api.Protection;

/// <summary>
/// A request's execution time limit, kept as a time as well as by the token's timer. The timer's callback runs on the
/// thread pool, and while the pool's threads are all busy (a query of a thousand resolvers that answer at once keeps one
/// the whole time) it runs late: a test saw a 100 ms limit pass unnoticed for 2.7 s, and the whole query answered. So
/// every field, before it resolves, also looks at the clock and cancels the token itself once the time has come.
/// </summary>
internal sealed class ExecutionDeadline
{
    public const string Key = "FilmGraph.ExecutionDeadline";

    private readonly CancellationTokenSource _source;
    private readonly long _due;

    public ExecutionDeadline(CancellationTokenSource source, TimeSpan limit)
    {
        _source = source;
        var ticks = limit.TotalSeconds * Stopwatch.Frequency;
        _due = ticks >= long.MaxValue / 2 ? long.MaxValue : Stopwatch.GetTimestamp() + (long)ticks;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> once the time has come or the token was cancelled.</summary>
    public void Check()
    {
        if (!_source.IsCancellationRequested && Stopwatch.GetTimestamp() >= _due) _source.Cancel();
        _source.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Checks the deadline of the request, when it has one, before each field resolves.</summary>
    public static void Enforce(ISchema schema) => schema.FieldMiddleware.Use(next => context =>
    {
        if (context.UserContext.TryGetValue(Key, out var value) && value is ExecutionDeadline deadline) deadline.Check();
        return next(context);
    });
}
