using FilmGraph.Api.Protection;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// The deadline each field looks at, with no timer behind the token: what it sees is the clock alone, as when the
/// timer's callback waits for a thread.
/// </summary>
public sealed class ExecutionDeadlineTests
{
    [Fact]
    public void A_deadline_that_has_passed_cancels_the_token_itself()
    {
        using var source = new CancellationTokenSource();
        var deadline = new ExecutionDeadline(source, TimeSpan.Zero);

        Assert.Throws<OperationCanceledException>(deadline.Check);
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void A_deadline_still_to_come_lets_fields_run_until_the_token_is_cancelled()
    {
        using var source = new CancellationTokenSource();
        var deadline = new ExecutionDeadline(source, TimeSpan.FromHours(1));
        var unbounded = new ExecutionDeadline(source, TimeSpan.MaxValue);

        deadline.Check();
        unbounded.Check();
        Assert.False(source.IsCancellationRequested);

        // The caller leaving cancels the same token: the fields stop then too.
        source.Cancel();
        Assert.Throws<OperationCanceledException>(deadline.Check);
        Assert.Throws<OperationCanceledException>(unbounded.Check);
    }
}
