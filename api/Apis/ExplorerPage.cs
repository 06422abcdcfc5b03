using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FilmGraph.Api.Apis;

/// <summary>The explorer page, built into the assembly so it is served whatever the working directory.</summary>
internal static partial class ExplorerPage
{
    public static readonly string Html = Load("explorer.html");

    /// <summary>Cytoscape.js 3.35.0, vendored as its published dist/cytoscape.min.js (MIT; vendor/cytoscape.LICENSE).</summary>
    public static readonly string Cytoscape = Load("cytoscape.min.js");

    /// <summary>
    /// Nothing but the page's own inline script and style, by hash, scripts served from its own origin (the vendored
    /// graph library), and requests to its own origin: an injected
    /// script or style, a frame around the page, or a request elsewhere is refused by the browser. Hashes rather
    /// than 'unsafe-inline', and computed from the page itself, so that an edit to the page needs no edit here.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src 'self' {Hashes("script")}; style-src {Hashes("style")}; connect-src 'self'; img-src 'self'; " +
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static string Load(string name)
    {
        using var stream = typeof(ExplorerPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The explorer's {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Hashes(string element)
    {
        var hashes = InlineElement().Matches(Html)
            .Where(m => m.Groups["tag"].Value.Equals(element, StringComparison.OrdinalIgnoreCase))
            // A script with a src has no inline text to allow; 'self' covers it.
            .Where(m => m.Groups["text"].Value.Length > 0)
            // The browser hashes the text as its parser leaves it: UTF-8, line breaks as LF.
            .Select(m => Encoding.UTF8.GetBytes(m.Groups["text"].Value.Replace("\r\n", "\n").Replace('\r', '\n')))
            .Select(text => $"'sha256-{Convert.ToBase64String(SHA256.HashData(text))}'")
            .ToList();
        return hashes.Count == 0 ? "'none'" : string.Join(' ', hashes);
    }

    [GeneratedRegex(@"<(?<tag>script|style)(?:\s[^>]*)?>(?<text>.*?)</\k<tag>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineElement();
}
