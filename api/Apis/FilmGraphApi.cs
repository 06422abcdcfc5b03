using FilmGraph.Api.Schema;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FilmGraph.Api.Apis;

public static class FilmGraphApi
{
    internal const string ReadyTag = "ready";

    /// <summary>
    /// <c>/graphql</c> (POST; GET for queries), <c>/healthz</c> (the process is up), <c>/readyz</c> (the store can
    /// answer), the schema in SDL at <c>/schema.graphql</c> and the explorer page at <c>/</c>.
    /// </summary>
    public static WebApplication MapFilmGraphApi(this WebApplication app)
    {
        // Every method, so that the handler answers the ones it refuses with a GraphQL-shaped 405.
        app.Map("/graphql", (HttpContext http, GraphQLHttpHandler handler) => handler.HandleAsync(http));

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadiness });

        app.MapGet("/", () => Results.Text(ExplorerPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/schema.graphql", (FilmGraphSchema schema) => Results.Text(SchemaText(schema), "text/plain; charset=utf-8"));
        return app;
    }

    /// <summary>"Healthy: embedded: /data/filmgraph.db", or "Unhealthy: " and why the store cannot answer.</summary>
    private static Task WriteReadiness(HttpContext http, HealthReport report)
    {
        var detail = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(detail is null ? report.Status.ToString() : $"{report.Status}: {detail}");
    }

    private static string SchemaText(FilmGraphSchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true });
    }
}
