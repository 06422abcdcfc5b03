using FilmGraph.Api.Apis;
using FilmGraph.Api.Extensions;
using FilmGraph.Api.Hosting;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddFilmGraph();

    app = builder.Build();

    app.MapFilmGraphApi();
}
// A configuration file that does not parse, a setting of the wrong form: one line and an exit code, as for a failed start.
catch (Exception e) when (StartupFailure.Handles(e))
{
    return StartupFailure.Report(e, debug: false, Console.Error);
}

return app.RunToExit();
