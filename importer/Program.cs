using System.CommandLine;
using FilmGraph.Formats;
using FilmGraph.Importer;
using FilmGraph.Store.Embedded;
using FilmGraph.Stores;

var files = new Argument<string[]>("files")
{
    Description = "Files to import: FilmGraph JSON (.json), JSON Lines (.jsonl), IMDb TSV (name.basics.tsv, title.basics.tsv, " +
                  "title.principals.tsv, plain or .gz) or neo4j-admin CSV (.csv).",
    Arity = ArgumentArity.ZeroOrMore,
};
var format = new Option<string>("--format")
{
    Description = "The format of the files; auto tells it from each file's name.",
    DefaultValueFactory = _ => "auto",
};
format.AcceptOnlyFromAmong("auto", "json", "jsonl", "imdb", "neo4j-csv");
var titleTypes = new Option<string>("--title-types")
{
    Description = "IMDb titleTypes imported as films, comma-separated.",
    DefaultValueFactory = _ => "movie",
    HelpName = "TYPES",
};
var batchSize = new Option<int>("--batch-size")
{
    Description = "Records per batch; each batch is written whole or not at all.",
    DefaultValueFactory = _ => ImportOptions.DefaultBatchSize,
    HelpName = "N",
};
var rejects = new Option<string?>("--rejects")
{
    Description = "Write each rejected record here: a '# file:line: reason' line, then its original text.",
    HelpName = "FILE",
};
var nodes = new Option<string[]>("--nodes")
{
    Description = "neo4j-admin CSV node files, comma-separated, optionally after 'Label=': the first line of the first file is the header of all. Repeatable.",
    HelpName = "FILES",
};
var relationships = new Option<string[]>("--relationships")
{
    Description = "neo4j-admin CSV relationship files, as --nodes, optionally after 'TYPE='. Repeatable.",
    HelpName = "FILES",
};
var store = new Option<string?>("--store")
{
    Description = $"The store file, relative to the current directory. Default: ${EmbeddedStoreOptions.PathVariable}, else " +
                  $"{EmbeddedStoreOptions.DefaultPath}, taken relative to the repository root, where the API runs (the file the API reads).",
    HelpName = "PATH",
};
var storeKind = new Option<string?>("--store-kind")
{
    Description = $"{string.Join(", or ", StoreKinds.Names)} (then NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE say where). " +
                  $"Default: ${StoreSettings.KindVariable}, else {StoreKinds.Names[0]}.",
};
storeKind.AcceptOnlyFromAmong([.. StoreKinds.Names]);
var dryRun = new Option<bool>("--dry-run")
{
    Description = "Read and check everything, against the store too, without writing anything.",
};
var centres = new Option<bool>("--centres")
{
    Description = "After the import, rank the centres of the film universe (over CAST_IN) and keep them with the store, " +
                  "so the API serves them at once: beside the store file (embedded), or in a (:Centres) node (Neo4j).",
};
var bulk = new Option<string>("--bulk")
{
    Description = "How the embedded store writes the batches: on appends them and builds its indexes at the end, off upserts row by row, " +
                  "auto takes bulk into an empty store or one smaller than the import. Each batch is whole or not at all either way.",
    DefaultValueFactory = _ => "auto",
};
bulk.AcceptOnlyFromAmong("auto", "on", "off");
var root = new RootCommand("Imports people, films and relationships into the store (embedded by default, or Neo4j). Exit code: 0 done, 1 invalid input, 2 usage, I/O or store error, or interrupted.")
{
    files, format, titleTypes, batchSize, rejects, nodes, relationships, store, storeKind, dryRun, bulk, centres,
};
root.SetAction((parse, ct) => ImportCommand.RunAsync(new ImportRequest(
    parse.GetValue(files) ?? [],
    ImportRequest.ParseFormat(parse.GetValue(format)),
    [.. (parse.GetValue(titleTypes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    parse.GetValue(batchSize),
    parse.GetValue(rejects),
    [
        .. (parse.GetValue(nodes) ?? []).Select(g => CsvGroup.Parse(g, relationships: false)),
        .. (parse.GetValue(relationships) ?? []).Select(g => CsvGroup.Parse(g, relationships: true)),
    ],
    StoreFromEnvironment(parse.GetValue(storeKind), parse.GetValue(store)),
    parse.GetValue(dryRun))
{
    Bulk = parse.GetValue(bulk) switch { "on" => true, "off" => false, _ => null },
    Centres = parse.GetValue(centres),
}, ct));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // System.CommandLine answers usage errors with 1, which this program keeps for invalid input.
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"filmgraph-import: {error.Message}");
    Console.Error.WriteLine(ImportCommand.Usage);
    return ImportCommand.UsageError;
}
return await parsed.InvokeAsync();

// The API's settings, as the environment gives them, with what the command line says on top; the store file is
// the API's whatever the current directory (StoreLocation).
static StoreSettings StoreFromEnvironment(string? kind, string? path)
{
    var settings = StoreSettings.FromEnvironment();
    if (kind is not null) settings.Store = kind;
    return StoreLocation.Resolve(settings, path, Environment.CurrentDirectory, StoreLocation.RepositoryRoot(AppContext.BaseDirectory));
}
