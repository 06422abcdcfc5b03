namespace FilmGraph.Core;

/// <summary>Some of a list, in the list's order, and how long the whole list is.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
