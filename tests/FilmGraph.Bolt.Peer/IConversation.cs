namespace FilmGraph.Bolt.Peer;

/// <summary>What the peer does with one accepted connection, from the handshake to the hang-up.</summary>
internal interface IConversation
{
    Task FollowAsync(PeerConnection connection);
}
