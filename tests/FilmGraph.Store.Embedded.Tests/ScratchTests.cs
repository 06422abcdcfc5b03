using FilmGraph.Store.Embedded.Walks;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>Walks' working memory is never held by two walks at once.</summary>
public sealed class ScratchTests
{
    [Fact]
    public void Scratch_returned_twice_is_pooled_once()
    {
        var scratch = Scratch.Rent(100);
        scratch.Dispose();
        scratch.Dispose();

        var first = Scratch.Rent(100);
        var second = Scratch.Rent(100);
        try
        {
            Assert.NotSame(first, second);
        }
        finally
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
