namespace FilmGraph.Bolt;

/// <summary>A temporary condition on the server (deadlock, leader switch...). The work may succeed if tried again.</summary>
public sealed class BoltTransientException : BoltException
{
    public BoltTransientException(string code, string message) : base(code, message) { }
    public override bool IsRetryable => true;
}
