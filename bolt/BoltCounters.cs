namespace FilmGraph.Bolt;

/// <summary>Update counters of a query; all zero for a read.</summary>
public sealed class BoltCounters
{
    private readonly IReadOnlyDictionary<string, object?> _stats;

    internal BoltCounters(IReadOnlyDictionary<string, object?>? stats) => _stats = stats ?? new Dictionary<string, object?>();

    public int NodesCreated => Count("nodes-created");
    public int NodesDeleted => Count("nodes-deleted");
    public int RelationshipsCreated => Count("relationships-created");
    public int RelationshipsDeleted => Count("relationships-deleted");
    public int PropertiesSet => Count("properties-set");
    public int LabelsAdded => Count("labels-added");
    public int LabelsRemoved => Count("labels-removed");
    public int IndexesAdded => Count("indexes-added");
    public int IndexesRemoved => Count("indexes-removed");
    public int ConstraintsAdded => Count("constraints-added");
    public int ConstraintsRemoved => Count("constraints-removed");
    public int SystemUpdates => Count("system-updates");

    public bool ContainsUpdates => _stats.GetValueOrDefault("contains-updates") is true || NodesCreated + NodesDeleted + RelationshipsCreated + RelationshipsDeleted + PropertiesSet + LabelsAdded + LabelsRemoved + IndexesAdded + IndexesRemoved + ConstraintsAdded + ConstraintsRemoved > 0;

    public bool ContainsSystemUpdates => _stats.GetValueOrDefault("contains-system-updates") is true || SystemUpdates > 0;

    private int Count(string key) => _stats.GetValueOrDefault(key) is long value ? (int)value : 0;

    public override string ToString() => string.Join(", ", _stats.Select(kv => $"{kv.Key}={kv.Value}"));
}
