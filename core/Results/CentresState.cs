namespace FilmGraph.Core;

public enum CentresState
{
    /// <summary>No computation has finished for this graph yet, nor is one running.</summary>
    Missing = 0,

    /// <summary>A computation is running; what it replaces (if anything) is still served.</summary>
    Computing = 1,

    /// <summary>The centres served were computed for the graph as it is now.</summary>
    Current = 2,

    /// <summary>The graph changed since the centres served were computed; a new computation is due.</summary>
    Stale = 3,
}
