using Microsoft.Extensions.Primitives;

namespace FilmGraph.Api.Http;

/// <summary>Response headers that tell a browser not to reinterpret, frame or leak what the API serves.</summary>
internal static class SecurityHeaders
{
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues NoReferrer = "no-referrer";

    /// <summary>
    /// Middleware: <c>X-Content-Type-Options: nosniff</c> on every response, so that no answer (JSON carrying a
    /// caller's text, say) is ever run as a script or rendered as a page. Set before the endpoint runs, since a
    /// header set after the body started would be lost.
    /// </summary>
    public static Task NoSniffAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.Headers.XContentTypeOptions = NoSniff;
        return next(http);
    }

    /// <summary>The headers of an HTML page: its own Content-Security-Policy, no framing, no referrer.</summary>
    public static void Page(HttpResponse response, StringValues contentSecurityPolicy)
    {
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XFrameOptions = Deny;
        response.Headers["Referrer-Policy"] = NoReferrer;
    }
}
