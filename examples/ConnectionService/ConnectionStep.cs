namespace ConnectionService;

/// <summary>Two people who were in one film together.</summary>
/// <param name="From">The name of the one.</param>
/// <param name="Film">The film's title and year.</param>
/// <param name="To">The name of the other.</param>
public sealed record ConnectionStep(string From, string Film, string To);
