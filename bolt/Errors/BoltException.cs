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
