using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// What a FilmGraph JSON file holds: the batch to write, where each of its records came from, and what was wrong.
/// A record whose own fields are wrong is left out of the batch, except that a person or film with an id stays in
/// so that relationships to it are not reported as dangling as well.
/// </summary>
internal sealed class GraphDocument(string file)
{
    public string File { get; } = file;
    public List<ImportError> Errors { get; } = [];

    /// <summary>Whether the JSON was read to its end, so the batch is everything the file says.</summary>
    public bool Complete { get; set; }

    public List<Person> People { get; } = [];
    public List<Film> Films { get; } = [];
    public List<Relationship> Relationships { get; } = [];
    public List<RecordPlace> PeoplePlaces { get; } = [];
    public List<RecordPlace> FilmPlaces { get; } = [];
    public List<RecordPlace> RelationshipPlaces { get; } = [];

    public GraphBatch Batch => new(People, Films, Relationships);

    /// <summary>Every record of a document read whole, kept or not, by its JSON path: what the file holds.</summary>
    public Dictionary<string, (RecordKind Kind, RecordPlace Place)> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Records left out of a document read whole because an identical one came before, by kind.</summary>
    public List<(RecordKind Kind, RecordPlace Place)> Repeated { get; } = [];

    public void Read(RecordKind kind, RecordPlace place) => Records[place.Path] = (kind, place);

    public void SameAgain(RecordKind kind, RecordPlace place) => Repeated.Add((kind, place));

    /// <summary>Set when the document is read in batches: records and their faults go here instead of into the lists.</summary>
    public RecordSink? Sink { get; init; }

    public ImportPhase Phase { get; init; }

    /// <summary>Whether reading is inside an array of the phase; faults outside one are reported in the first phase only.</summary>
    public bool InPhaseArray { get; set; }

    public void Add(int line, string path, string message, RecordPlace? place = null)
    {
        var error = new ImportError(File, line, path, message);
        place?.Errors.Add(error);
        if (Sink is null) Errors.Add(error);
        else if (place is null && (InPhaseArray || Phase == ImportPhase.Nodes)) Sink.Reject(null, new Origin(File, line), path, message);
    }

    /// <summary>
    /// The store's problems at their places in the file. A problem at a place this file already has an error for
    /// (or inside one) is the same fault seen twice, and is left out.
    /// </summary>
    public IEnumerable<ImportError> Explain(IEnumerable<WriteProblem> problems)
    {
        var known = Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var error = Locate(problem);
            if (known.Any(path => error.Path == path || error.Path.StartsWith(path + ".", StringComparison.Ordinal)
                                  || error.Path.StartsWith(path + "[", StringComparison.Ordinal)))
                continue;
            yield return error;
        }
    }

    private ImportError Locate(WriteProblem problem)
    {
        var places = problem.List switch
        {
            "people" => PeoplePlaces,
            "films" => FilmPlaces,
            "relationships" => RelationshipPlaces,
            _ => null,
        };
        if (places is null || problem.Index is not int index || index >= places.Count) return new ImportError(File, 1, "$", problem.ToString());
        var place = places[index];
        var path = problem.Field is { } field ? $"{place.Path}.{field}" : place.Path;
        return new ImportError(File, place.LineOf(problem.Field ?? ""), path, problem.Message);
    }
}
