namespace FilmGraph.Client;

/// <summary>A person or film matching a search.</summary>
/// <param name="Kind">Whether <paramref name="Id"/> is a person's or a film's.</param>
/// <param name="Id">The person's or film's id.</param>
/// <param name="Label">The name or title.</param>
/// <param name="Score">How well it matches, higher is better; comparable within one search only.</param>
public sealed record SearchHit(NodeKind Kind, string Id, string Label, double Score);
