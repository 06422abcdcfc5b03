using FilmGraph.Api.GraphQL;
using FilmGraph.Api.Http;
using FilmGraph.Api.Observability;
using FilmGraph.Api.RateLimiting;
using FilmGraph.Api.Schema;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Apis;

public static class FilmGraphApi
{
    internal const string ReadyTag = "ready";

    private const string Metrics = "/metrics";

    /// <summary>
    /// <c>/graphql</c> (POST; GET for queries), <c>/healthz</c> (the process is up), <c>/readyz</c> (the store can
    /// answer), <c>/metrics</c> (Prometheus), the schema in SDL at <c>/schema.graphql</c> and the explorer page at
    /// <c>/</c>; and the middleware in front of them, in this order: nosniff on every response, the request log
    /// and metrics of /graphql, CORS (when origins are configured), the per-client rate limit of /graphql.
    /// </summary>
    public static WebApplication MapFilmGraphApi(this WebApplication app)
    {
        var rateLimit = app.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var cors = app.Services.GetRequiredService<IOptions<CorsSettings>>().Value;
        var graphQL = app.Services.GetRequiredService<IOptions<GraphQLSettings>>().Value;
        var metrics = app.Services.GetRequiredService<IOptions<MetricsSettings>>().Value;

        app.Use(SecurityHeaders.NoSniffAsync);
        // Outside CORS and the rate limit, so that a refusal is logged and counted like any answer.
        app.UseMiddleware<RequestObservation>();
        // Before the rate limit: a refused page on an allowed origin can still read the 429 and its Retry-After.
        if (cors.AllowedOrigins.Length > 0) app.UseCors();
        if (rateLimit.Enabled) app.UseRateLimiter();

        // Every method, so that the handler answers the ones it refuses with a GraphQL-shaped 405.
        var graphql = app.Map("/graphql", (HttpContext http, GraphQLHttpHandler handler) => handler.HandleAsync(http))
            .WithMetadata(ObservedEndpoint.Instance);
        if (rateLimit.Enabled) graphql.RequireRateLimiting(ClientRateLimitPolicy.Name);

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadiness });
        if (metrics.Enabled) app.MapPrometheusScrapingEndpoint(Metrics);

        app.MapGet("/", (HttpContext http) => Page(http, "explorer.html"));
        app.MapGet("/graphiql", (HttpContext http) => Page(http, "graphiql.html"));
        app.MapGet("/assets/{file}", (HttpContext http, string file) =>
        {
            if (file.EndsWith(".html", StringComparison.Ordinal) || !WebAssets.Files.TryGetValue(file, out var found)) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(found.Bytes, found.ContentType);
        });
        // Browsers ask for this whatever the page links; the page's own icon answers.
        app.MapGet("/favicon.ico", () => Results.Bytes(WebAssets.Files["favicon.svg"].Bytes, "image/svg+xml"));
        // With introspection off the schema is not published here either; 404, as if there were no such page.
        app.MapGet("/schema.graphql", (FilmGraphSchema schema) =>
            graphQL.Introspection ? Results.Text(SchemaText(schema), "text/plain; charset=utf-8") : Results.NotFound());
        return app;
    }

    private static IResult Page(HttpContext http, string file)
    {
        SecurityHeaders.Page(http.Response, WebAssets.ContentSecurityPolicy);
        var (contentType, bytes) = WebAssets.Files[file];
        return Results.Bytes(bytes, contentType);
    }

    /// <summary>"Healthy: embedded: /data/filmgraph.db", or "Unhealthy: " and why the store cannot answer.</summary>
    private static Task WriteReadiness(HttpContext http, HealthReport report)
    {
        var detail = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(detail is null ? report.Status.ToString() : $"{report.Status}: {detail}");
    }

    /// <summary>The health and scrape endpoints, which traces leave out: they are polled, and say nothing of queries.</summary>
    internal static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(Metrics);

    private static string SchemaText(FilmGraphSchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true });
    }
}
