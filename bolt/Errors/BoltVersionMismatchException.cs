namespace FilmGraph.Bolt;

/// <summary>
/// The server and this client have no Bolt version in common. Permanent: another attempt would get the same
/// answer, so managed transactions do not retry it.
/// </summary>
public sealed class BoltVersionMismatchException : BoltException
{
    public BoltVersionMismatchException(string message, IReadOnlyList<string> offered, string serverAnswer) : base(message)
    {
        Offered = offered;
        ServerAnswer = serverAnswer;
    }

    /// <summary>The versions this client offered, newest first.</summary>
    public IReadOnlyList<string> Offered { get; }

    /// <summary>What the server answered: its 4 handshake bytes in hex, or the versions its manifest listed.</summary>
    public string ServerAnswer { get; }
}
