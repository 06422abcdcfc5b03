namespace FilmGraph.Bolt.Peer;

/// <summary>
/// What an answering peer (<see cref="ScriptedPeer.StartAnswering"/>) sends for one RUN: columns, records and the
/// summary's update counters; or a failure.
/// </summary>
public sealed record PeerReply(string[] Keys, List<object?[]> Records, Dictionary<string, object?>? Stats = null, string? FailureCode = null)
{
    public static PeerReply Rows(string[] keys, params object?[][] records) => new(keys, [.. records]);

    public static PeerReply Failure(string code) => new([], [], FailureCode: code);
}
