namespace FilmGraph.Bolt;

/// <summary>No server could be reached, or the connection was lost.</summary>
public class BoltServiceUnavailableException : BoltException
{
    public BoltServiceUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
    public override bool IsRetryable => true;
}
