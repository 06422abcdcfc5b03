namespace FilmGraph.Bolt;

/// <summary>The credentials were refused.</summary>
public sealed class BoltAuthenticationException : BoltClientException
{
    public BoltAuthenticationException(string code, string message) : base(code, message) { }
}
