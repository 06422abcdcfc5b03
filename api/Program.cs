using FilmGraph.Api.Apis;
using FilmGraph.Api.Extensions;
using FilmGraph.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddFilmGraph();

var app = builder.Build();

app.MapFilmGraphApi();

return app.RunToExit();
