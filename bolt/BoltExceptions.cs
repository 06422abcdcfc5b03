namespace FilmGraph.Bolt;

/// <summary>Base of every error this library raises.</summary>
public class BoltException : Exception
{
    public BoltException(string message, Exception? inner = null) : base(message, inner) { }

    public BoltException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>Neo4j's status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>; null for client-side errors.</summary>
    public string? Code { get; }

    /// <summary>GQL status (Bolt 5.7+), e.g. <c>42001</c>.</summary>
    public string? GqlStatus { get; internal set; }

    /// <summary>GQL status description (Bolt 5.7+).</summary>
    public string? GqlStatusDescription { get; internal set; }

    /// <summary>GQL diagnostic record (Bolt 5.7+), as the server sent it.</summary>
    public IReadOnlyDictionary<string, object?>? DiagnosticRecord { get; internal set; }

    /// <summary>The next error in the GQL cause chain (Bolt 5.7+).</summary>
    public BoltException? GqlCause { get; internal set; }

    /// <summary>True when a managed transaction may run again after this error.</summary>
    public virtual bool IsRetryable => false;
}

/// <summary>The request was wrong (syntax, constraint, missing database...). Retrying will not help.</summary>
public class BoltClientException : BoltException
{
    public BoltClientException(string message, Exception? inner = null) : base(message, inner) { }
    public BoltClientException(string code, string message, Exception? inner = null) : base(code, message, inner) { }

    /// <summary>A write reached a server that can no longer take writes; the routing table is refreshed and the work retried.</summary>
    public override bool IsRetryable => Protocol.Failures.IsRoutingFailure(Code);
}

/// <summary>The credentials were refused.</summary>
public sealed class BoltAuthenticationException : BoltClientException
{
    public BoltAuthenticationException(string code, string message) : base(code, message) { }
}

/// <summary>A temporary condition on the server (deadlock, leader switch...). The work may succeed if tried again.</summary>
public sealed class BoltTransientException : BoltException
{
    public BoltTransientException(string code, string message) : base(code, message) { }
    public override bool IsRetryable => true;
}

/// <summary>The server failed internally.</summary>
public sealed class BoltDatabaseException : BoltException
{
    public BoltDatabaseException(string code, string message) : base(code, message) { }
}

/// <summary>The peer broke the Bolt protocol; the connection that saw it is closed.</summary>
public sealed class BoltProtocolException : BoltException
{
    public BoltProtocolException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>No server could be reached, or the connection was lost.</summary>
public class BoltServiceUnavailableException : BoltException
{
    public BoltServiceUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
    public override bool IsRetryable => true;
}

/// <summary>The server a session was using can no longer serve it (it stopped being the leader, or left the cluster).</summary>
public sealed class BoltSessionExpiredException : BoltServiceUnavailableException
{
    public BoltSessionExpiredException(string message, Exception? inner = null) : base(message, inner) { }
}
