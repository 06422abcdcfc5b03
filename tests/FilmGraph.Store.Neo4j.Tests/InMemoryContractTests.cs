using FilmGraph.Bolt;
using FilmGraph.Bolt.Peer;
using FilmGraph.Contract;
using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// The shared store contract through the Neo4j store and the Bolt client, answered by <see cref="InMemoryNeo4j"/>
/// over a scripted peer: the store's own side of every rule, checked where no Neo4j server exists.
/// </summary>
public sealed class InMemoryContractTests : GraphStoreContract, IDisposable
{
    private readonly ScriptedPeer _peer = ScriptedPeer.StartAnswering(new InMemoryNeo4j().Answer);

    protected override Task<IGraphStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IGraphStore>(Neo4jGraphStore.Connect(new Neo4jStoreOptions { Uri = _peer.Uri(), Username = "" },
            new BoltDriverOptions { MaxTransactionRetryTime = TimeSpan.FromSeconds(2) }));

    public void Dispose() => _peer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
