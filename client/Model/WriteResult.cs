namespace FilmGraph.Client;

/// <summary>What a write did. It is durable, and visible to the next query, when the answer arrives.</summary>
/// <param name="Created">Records that did not exist before.</param>
/// <param name="Updated">Records that existed and changed.</param>
/// <param name="Unchanged">Records that existed exactly as given.</param>
/// <param name="Deleted">Relationships removed (unlink only).</param>
public sealed record WriteResult(int Created, int Updated, int Unchanged, int Deleted);
