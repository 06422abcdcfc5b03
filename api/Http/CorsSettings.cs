namespace FilmGraph.Api.Http;

/// <summary>Settings of the section <c>FilmGraph:Cors</c>: which web pages of other origins may call the API.</summary>
internal sealed class CorsSettings
{
    public const string Section = "FilmGraph:Cors";

    /// <summary>
    /// Origins (<c>https://app.example.com</c>, scheme, host and port as the browser sends them) allowed to call
    /// /graphql from a page with GET and POST, sending Content-Type and Authorization. Empty: no CORS headers at all,
    /// so browsers keep other origins' pages from reading any answer.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
