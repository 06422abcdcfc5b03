namespace FilmGraph.Client;

/// <summary>Where a fact came from; read from answers and sent with <see cref="RelationshipInput"/>.</summary>
/// <param name="Document">The document's name or URL.</param>
/// <param name="Quote">A short quote from it that states the fact.</param>
public sealed record Source(string Document, string? Quote = null);
