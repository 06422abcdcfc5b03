namespace FilmGraph.Formats;

/// <summary>Records left out on purpose, for one reason, with the places of the first few.</summary>
public sealed record SkipCount(RecordKind Kind, string Reason, long Count, IReadOnlyList<string> Examples);
