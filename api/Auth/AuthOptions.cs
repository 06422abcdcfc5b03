namespace FilmGraph.Api.Auth;

/// <summary>Who may write, and whether reading needs a key too; bound from <c>FilmGraph:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "FilmGraph:Auth";

    /// <summary>
    /// The keys that may write, each as it is sent or as <c>sha256:HEX</c> (the SHA-256 of the key in hex), so that the
    /// configuration need not hold the secret. None: the API is read-only.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Whether reads need a key as well.</summary>
    public bool RequireKeyForReads { get; set; }
}
