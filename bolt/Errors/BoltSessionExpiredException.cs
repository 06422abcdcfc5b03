namespace FilmGraph.Bolt;

/// <summary>The server a session was using can no longer serve it (it stopped being the leader, or left the cluster).</summary>
public sealed class BoltSessionExpiredException : BoltServiceUnavailableException
{
    public BoltSessionExpiredException(string message, Exception? inner = null) : base(message, inner) { }
}
