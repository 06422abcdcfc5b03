namespace FilmGraph.Api.Protection;

/// <summary>An answer grew past <see cref="RequestLimits.MaxResponseBytes"/> while it was written.</summary>
public sealed class ResponseTooLargeException(int limit) : Exception($"The answer is larger than {limit} bytes.")
{
    public int Limit { get; } = limit;
}
