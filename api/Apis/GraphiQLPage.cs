namespace FilmGraph.Api.Apis;

/// <summary>
/// GraphiQL at <c>/graphiql</c>, talking to <c>/graphql</c>: a page and its files, all built into the assembly
/// and served from the same origin. GraphiQL 3.9.0 and React 18.3.1 are vendored as their published UMD builds
/// (GraphiQL/vendor, MIT, licences beside them); the page's own script and style are files too, so the policy
/// admits scripts and styles from this origin only.
/// </summary>
internal static class GraphiQLPage
{
    public static readonly string Html = Load("graphiql.html");

    /// <summary>Styles from this origin only; GraphiQL's fonts and icons are data: URLs inside its stylesheet.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self' data:; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The files the page loads, by the name it asks for, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, (string ContentType, string Text)> Files =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["graphiql.min.css"] = ("text/css; charset=utf-8", Load("graphiql/graphiql.min.css")),
            ["graphiql-page.css"] = ("text/css; charset=utf-8", Load("graphiql/graphiql-page.css")),
            ["react.production.min.js"] = ("text/javascript; charset=utf-8", Load("graphiql/react.production.min.js")),
            ["react-dom.production.min.js"] = ("text/javascript; charset=utf-8", Load("graphiql/react-dom.production.min.js")),
            ["graphiql.min.js"] = ("text/javascript; charset=utf-8", Load("graphiql/graphiql.min.js")),
            ["graphiql-page.js"] = ("text/javascript; charset=utf-8", Load("graphiql/graphiql-page.js")),
        };

    private static string Load(string name)
    {
        using var stream = typeof(GraphiQLPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"GraphiQL's {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
