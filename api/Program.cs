using FilmGraph.Api.Apis;
using FilmGraph.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddFilmGraph();

var app = builder.Build();

app.MapFilmGraphApi();

app.Run();
