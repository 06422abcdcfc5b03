using FilmGraph.Api.Apis;
using FilmGraph.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FilmGraph.Api.Tests;

/// <summary>
/// Starts the real API, composed as Program.cs composes it, on 127.0.0.1 at a free port, over a fresh store file in a
/// given folder unless the settings name another. A test may add services (<paramref name="services"/>) and
/// middleware in front of the API (<paramref name="pipeline"/>) to observe it; the API itself is as shipped.
/// </summary>
public static class ApiHost
{
    public static async Task<WebApplication> StartAsync(string directory, IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null, Action<WebApplication>? pipeline = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ApiServer.RepositoryRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FilmGraph:Embedded:Path"] = Path.Combine(directory, $"{Guid.NewGuid():N}.db"),
            ["FilmGraph:Embedded:ExternalChangePoll"] = "00:00:00",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFilmGraph();
        services?.Invoke(builder.Services);
        configure?.Invoke(builder);
        var app = builder.Build();
        pipeline?.Invoke(app);
        app.MapFilmGraphApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A start that fails part way may already have bound its port.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>Stops the instances, then deletes the folder their stores were in.</summary>
    public static async Task StopAsync(IEnumerable<WebApplication> apps, string directory)
    {
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* a file the OS still holds; the temp folder is cleaned eventually */ }
    }

    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
}
