using FilmGraph.Bolt;

namespace FilmGraph.Store.Neo4j;

/// <summary>A <see cref="BoltTransaction"/> seen as an <see cref="ICypherTransaction"/>: Bolt's values become the store's.</summary>
internal sealed class BoltCypherTransaction(BoltTransaction transaction) : ICypherTransaction
{
    public async Task<CypherOutcome> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct)
    {
        var result = await transaction.RunAsync(statement, parameters, ct).ConfigureAwait(false);
        var rows = new List<CypherRow>();
        await foreach (var record in result.WithCancellation(ct).ConfigureAwait(false))
        {
            var values = new Dictionary<string, object?>(record.Keys.Count, StringComparer.Ordinal);
            for (var i = 0; i < record.Keys.Count; i++)
            {
                values.TryAdd(record.Keys[i], Value(record[i]));
            }
            rows.Add(new CypherRow(values));
        }
        var summary = await result.ConsumeAsync(ct).ConfigureAwait(false);
        return new CypherOutcome(rows, summary.Counters.NodesCreated, summary.Counters.RelationshipsCreated);
    }

    private static object? Value(object? value) => value switch
    {
        BoltNode node => Node(node),
        BoltRelationship relationship => Relationship(relationship),
        BoltPath path => new CypherPath(path.Nodes.Select(Node).ToList(), path.Relationships.Select(Relationship).ToList()),
        List<object?> list => list.Select(Value).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Value(e.Value), StringComparer.Ordinal),
        _ => value,
    };

    private static CypherNode Node(BoltNode node) => new(node.ElementId, node.Labels, Properties(node.Properties));

    private static CypherRelationship Relationship(BoltRelationship r) => new(r.ElementId, r.Type, Properties(r.Properties));

    private static Dictionary<string, object?> Properties(IReadOnlyDictionary<string, object?> properties) =>
        properties.ToDictionary(e => e.Key, e => Value(e.Value), StringComparer.Ordinal);
}
