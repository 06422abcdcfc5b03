namespace FilmGraph.Api.Apis;

/// <summary>
/// The explorer page, GraphiQL and their bundles, as web/build.mjs left them in web/dist and the API project embedded
/// them (web/package-lock.json pins Cytoscape, GraphiQL, React and graphql-js; their licences are the .LEGAL.txt files).
/// </summary>
internal static class WebAssets
{
    /// <summary>
    /// Scripts and styles from this origin only (the bundles), requests to this origin only; GraphiQL's fonts and
    /// icons are data: URLs inside its stylesheet. An injected script or style, a frame around a page, or a request
    /// elsewhere is refused by the browser.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self' data:; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Every built file by its name in web/dist, with its content type.</summary>
    public static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Bytes)> Files = Load();

    private static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("web/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var file = name["web/".Length..];
            files[file] = (ContentTypeOf(file), bytes.ToArray());
        }
        foreach (var page in new[] { "explorer.html", "graphiql.html", "explorer.js", "graphiql.js" })
            if (!files.ContainsKey(page)) throw new InvalidOperationException($"web/dist/{page} is missing from the assembly; build web/ (node build.mjs).");
        return files;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };
}
