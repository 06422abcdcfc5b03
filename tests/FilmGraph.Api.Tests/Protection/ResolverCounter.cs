using GraphQL.DI;
using GraphQL.Types;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// Counts the resolvers of one field as they start and end, through GraphQL.NET field middleware a test registers
/// (as an <see cref="IConfigureSchema"/> service): how much of a query's work ran, and whether any is still running.
/// </summary>
public sealed class ResolverCounter(string field) : IConfigureSchema
{
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _ended;
    private int _cancelled;

    public int Started => Volatile.Read(ref _started);

    /// <summary>Resolvers that returned or threw.</summary>
    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Resolvers that ended with an OperationCanceledException.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>Completes when the first resolver of the field starts.</summary>
    public Task FirstStarted => _firstStarted.Task;

    public void Configure(ISchema schema, IServiceProvider serviceProvider) =>
        schema.FieldMiddleware.Use(next => async context =>
        {
            if (context.FieldDefinition.Name != field) return await next(context);
            Interlocked.Increment(ref _started);
            _firstStarted.TrySetResult();
            try
            {
                return await next(context);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Increment(ref _ended);
            }
        });
}
