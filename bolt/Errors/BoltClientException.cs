namespace FilmGraph.Bolt;

/// <summary>The request was wrong (syntax, constraint, missing database...). Retrying will not help.</summary>
public class BoltClientException : BoltException
{
    public BoltClientException(string message, Exception? inner = null) : base(message, inner) { }
    public BoltClientException(string code, string message, Exception? inner = null) : base(code, message, inner) { }

    /// <summary>A write reached a server that can no longer take writes; the routing table is refreshed and the work retried.</summary>
    public override bool IsRetryable => Protocol.Failures.IsRoutingFailure(Code);
}
