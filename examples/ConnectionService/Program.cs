using FilmGraph.Client;

namespace ConnectionService;

/// <summary>
/// A small service that answers "how are these two people connected?" at <c>GET /connection?from=ID&amp;to=ID</c>
/// (on http://localhost:5080 unless told otherwise) by asking FilmGraph (<c>FilmGraph:Uri</c>, default http://localhost:5000/; <c>FilmGraph:ApiKey</c> if the API wants one
/// for reads).
/// </summary>
public static class Program
{
    public static Task Main(string[] args) => Build(args).RunAsync();

    /// <summary>The service as it runs, not yet started: apart from <see cref="Main"/> so that a test can start it on a port of its own.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Not FilmGraph's own default port (5000), so that both run side by side as they come; --urls or ASPNETCORE_URLS say otherwise.
        if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://localhost:5080");
        var filmGraph = new Uri(builder.Configuration["FilmGraph:Uri"] ?? "http://localhost:5000/");
        builder.Services.AddFilmGraphClient(filmGraph, builder.Configuration["FilmGraph:ApiKey"]);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapGet("/connection", ConnectionEndpoint.GetAsync);
        return app;
    }
}
