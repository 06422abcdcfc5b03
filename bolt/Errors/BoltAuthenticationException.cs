namespace FilmGraph.Bolt;

/// <summary>The credentials were refused.</summary>
public sealed class BoltAuthenticationException : BoltClientException
{
    public BoltAuthenticationException(string code, string message) : base(code, message) { }

    /// <summary>True when the driver's token manager has a new token for the next attempt (an expired token, refreshed).</summary>
    public override bool IsRetryable => RetryWithNewToken;

    internal bool RetryWithNewToken { get; set; }
}
