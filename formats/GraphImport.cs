using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// Imports files through a store's writer. A FilmGraph JSON document up to <see cref="ImportOptions.WholeDocumentLimit"/>
/// is written whole or not at all; everything else goes in batches, each whole or not at all, nodes before
/// relationships, with bad records rejected and the rest written.
/// </summary>
public static class GraphImport
{
    /// <summary>
    /// Imports one source. A file that cannot be opened or read throws (<see cref="IOException"/>,
    /// <see cref="UnauthorizedAccessException"/>); so does the store failing. Batches written before stay written.
    /// </summary>
    public static async Task<ImportReport> ImportAsync(ImportSource source, IGraphWriter writer, ImportOptions options, CancellationToken ct = default)
    {
        if (source.Format == ImportFormat.Json && source.Files.Count == 1 && TextInput.ContentLength(source.Files[0]) <= options.WholeDocumentLimit)
            return await ImportFileAsync(source.Files[0], writer, options, ct).ConfigureAwait(false);
        RecordReader reader = source.Format switch
        {
            ImportFormat.Imdb => new ImdbReader(source.Files),
            ImportFormat.JsonLines => new JsonLinesReader(source.Files[0]),
            ImportFormat.Json => new JsonDocumentReader(source.Files[0]),
            ImportFormat.Neo4jCsv => new Neo4jCsvReader(source.Groups.Count > 0 ? source.Groups : [.. source.Files.Select(f => new CsvGroup([f], null))]),
            _ => throw new ArgumentException($"No format given for {source.Name}."),
        };
        return await BatchPipeline.RunAsync(reader, writer, options, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the file, lists everything wrong with it (its own faults and the store's objections, such as a
    /// relationship to an id that is neither in the file nor in the store), and writes it in one batch when nothing is.
    /// A file that cannot be opened throws (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>).
    /// </summary>
    public static async Task<ImportReport> ImportFileAsync(string path, IGraphWriter writer, ImportOptions options, CancellationToken ct = default)
    {
        // The reader keeps its own fixed buffer, so the stream's would only copy twice.
        await using var stream = TextInput.OpenBytes(path, bufferSize: 1, out _);
        return await ImportDocumentAsync(stream, path, writer, options, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The same for a document already in hand (a GraphQL <c>importDocument</c>): whole or not at all, every problem
    /// listed with its line and JSON path, <paramref name="name"/> standing for the file in them.
    /// </summary>
    public static async Task<ImportReport> ImportDocumentAsync(Stream json, string name, IGraphWriter writer, ImportOptions options, CancellationToken ct = default)
    {
        var doc = GraphDocumentReader.Read(json, name, ct);

        var batch = doc.Batch;
        if (!doc.Complete) return DocumentOutcome.Refused(doc, doc.Errors, options.Rejects);
        if (doc.Errors.Count > 0 || options.DryRun)
            return DocumentOutcome.Refused(doc, [.. doc.Errors, .. doc.Explain(await writer.ValidateAsync(batch, ct))], options.Rejects);
        try
        {
            return DocumentOutcome.Written(doc, await writer.WriteAsync(batch, ct));
        }
        catch (GraphWriteException e)
        {
            return DocumentOutcome.Refused(doc, [.. doc.Explain(e.Problems)], options.Rejects);
        }
    }
}
