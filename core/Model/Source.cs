namespace FilmGraph.Core;

/// <summary>Where a fact came from: a document name or URL and a short quote from it.</summary>
public sealed record Source(string Document, string? Quote = null);
