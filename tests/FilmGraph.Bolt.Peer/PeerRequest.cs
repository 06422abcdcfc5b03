namespace FilmGraph.Bolt.Peer;

/// <summary>One message a client sent the peer: its name (HELLO, BEGIN, RUN, PULL, COMMIT...) and its fields as decoded.</summary>
public sealed record PeerRequest(string Message, IReadOnlyList<object?> Fields)
{
    /// <summary>The statement of a RUN; null for any other message.</summary>
    public string? Query => Message == "RUN" ? Fields.ElementAtOrDefault(0) as string : null;

    /// <summary>The parameters of a RUN; null for any other message.</summary>
    public IReadOnlyDictionary<string, object?>? Parameters => Message == "RUN" ? Fields.ElementAtOrDefault(1) as IReadOnlyDictionary<string, object?> : null;

    public override string ToString() => $"{Message} {string.Join(" ", Fields.Select(PeerValues.Render))}".Trim();
}
