using System.CommandLine;
using FilmGraph.Importer;
using FilmGraph.Store.Embedded;

var files = new Argument<string[]>("files")
{
    Description = "FilmGraph JSON files to import; each is applied whole or not at all.",
    Arity = ArgumentArity.OneOrMore,
};
var store = new Option<string?>("--store")
{
    Description = $"The store file. Default: ${EmbeddedStoreOptions.PathVariable}, else {EmbeddedStoreOptions.DefaultPath} (the file the API reads).",
    HelpName = "PATH",
};
var dryRun = new Option<bool>("--dry-run")
{
    Description = "Check the files, against the store too, without writing anything.",
};
var root = new RootCommand("Imports FilmGraph JSON files into the embedded store. Exit code: 0 done, 1 invalid input, 2 usage or I/O error.")
{
    files, store, dryRun,
};
root.SetAction((parse, ct) => ImportCommand.RunAsync(
    parse.GetValue(files) ?? [],
    parse.GetValue(store) ?? EmbeddedStoreOptions.PathFromEnvironment(),
    parse.GetValue(dryRun),
    ct));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // System.CommandLine answers usage errors with 1, which this program keeps for invalid input.
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"filmgraph-import: {error.Message}");
    Console.Error.WriteLine("usage: filmgraph-import <files...> [--store PATH] [--dry-run]   (--help for more)");
    return ImportCommand.UsageError;
}
return await parsed.InvokeAsync();
