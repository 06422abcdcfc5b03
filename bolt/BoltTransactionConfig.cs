namespace FilmGraph.Bolt;

/// <summary>Settings of one transaction: timeout and metadata are passed to the server as they are.</summary>
public sealed record BoltTransactionConfig
{
    public TimeSpan? Timeout { get; init; }

    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }
}
