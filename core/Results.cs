namespace FilmGraph.Core;

/// <summary>One step of a co-star chain: <c>From</c> and <c>To</c> both have a credit on <c>Film</c>.</summary>
public sealed record ChainLink(
    Person From, Film Film, Person To,
    RelationshipType FromType, string? FromRole,
    RelationshipType ToType, string? ToRole);

/// <summary>A co-star chain. Length is the number of films; a person's chain to themself has length 0 and no links.</summary>
public sealed record Chain(IReadOnlyList<ChainLink> Links)
{
    public int Length => Links.Count;
}

/// <summary>A person's credit on a film (any person-to-film type), with the relationship's properties.</summary>
public sealed record Credit(Person Person, Film Film, RelationshipType Type, RelationshipProperties Properties);

/// <summary>
/// A CONFLICTED_WITH relationship seen from one person. <c>Outgoing</c> is true when the person is the relationship's start.
/// <c>Context</c> is the film the conflict arose on, when the data names one that exists.
/// </summary>
public sealed record Conflict(Person Other, bool Outgoing, Film? Context, string? ContextText, string? Description, Source? Source);

/// <summary>Someone who shares films with a person, with those films in id order.</summary>
public sealed record CoStar(Person Person, IReadOnlyList<Film> SharedFilms);

/// <summary>
/// Derived, not stored: <c>Dropped</c> was dropped from <c>Film</c> in <c>Role</c> and <c>Cast</c> was cast in it in that role.
/// </summary>
public sealed record Replacement(Film Film, string? Role, Person Dropped, Person Cast, string? Reason, Source? Source);

public sealed record SearchHit(NodeKind Kind, string Id, string Label, double Score, Person? Person, Film? Film);

public sealed record SubgraphNode(string Id, NodeKind Kind, string Label, int? Year, int Distance);

public sealed record SubgraphEdge(RelationshipType Type, string From, string To, string? Role);

/// <summary>The nodes and edges around a node, for drawing. <c>Truncated</c> says the node limit cut it short.</summary>
public sealed record Subgraph(IReadOnlyList<SubgraphNode> Nodes, IReadOnlyList<SubgraphEdge> Edges, bool Truncated);

/// <summary>How many people are at each co-star distance from one person (a "Bacon number" table).</summary>
public sealed record Reach(string Id, IReadOnlyList<ReachLevel> Levels)
{
    /// <summary>People reachable within the bound, not counting the person themself.</summary>
    public long Reachable => Levels.Where(l => l.Distance > 0).Sum(l => l.People);

    /// <summary>Mean distance over the reachable people; null when nobody is reachable.</summary>
    public double? AverageDistance =>
        Reachable == 0 ? null : (double)Levels.Where(l => l.Distance > 0).Sum(l => (long)l.Distance * l.People) / Reachable;
}

public sealed record ReachLevel(int Distance, long People);

public sealed record Counts(int Created, int Updated, int Unchanged)
{
    public static readonly Counts Zero = new(0, 0, 0);
    public int Total => Created + Updated + Unchanged;
    public Counts Add(Counts other) => new(Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged);
}

public sealed record WriteSummary(Counts People, Counts Films, Counts Relationships)
{
    public static readonly WriteSummary Zero = new(Counts.Zero, Counts.Zero, Counts.Zero);
    public WriteSummary Add(WriteSummary other) =>
        new(People.Add(other.People), Films.Add(other.Films), Relationships.Add(other.Relationships));
}

public sealed record GraphStats(long People, long Films, long Relationships);
