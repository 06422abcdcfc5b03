namespace ConnectionService;

/// <summary>The answer of <c>GET /connection</c>.</summary>
/// <param name="From">The first person's id.</param>
/// <param name="To">The second person's id.</param>
/// <param name="Connected">Whether a chain of at most 6 films links them.</param>
/// <param name="Films">How many films the shortest chain passes through.</param>
/// <param name="Steps">The chain, one film at a time.</param>
/// <param name="Summary">The chain as a sentence.</param>
public sealed record Connection(string From, string To, bool Connected, int? Films, IReadOnlyList<ConnectionStep> Steps, string Summary);
