namespace FilmGraph.Bolt;

/// <summary>The peer broke the Bolt protocol; the connection that saw it is closed.</summary>
public sealed class BoltProtocolException : BoltException
{
    public BoltProtocolException(string message, Exception? inner = null) : base(message, inner) { }
}
