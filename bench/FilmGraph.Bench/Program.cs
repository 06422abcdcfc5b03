using FilmGraph.Bench;

return await BenchCommands.RunAsync(args);
